package dev.quoteline.extract;

import java.util.List;

/**
 * One speaker within one article: the fullest name the article gives, every surface form it was
 * mentioned by (aliases, including descriptions such as "the NATO secretary general"), and the roles it states.
 */
public record ExtractedSpeaker(String name, SpeakerKind kind, List<String> aliases, List<ExtractedRole> roles) {
}
