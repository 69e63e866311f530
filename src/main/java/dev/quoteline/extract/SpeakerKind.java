package dev.quoteline.extract;

/** What sort of source a speaker is. */
public enum SpeakerKind {
    PERSON,
    ORGANIZATION,
    /** A collective or anonymous source: "officials", "analysts", "witnesses". */
    GROUP,
    UNKNOWN
}
