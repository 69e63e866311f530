package dev.quoteline.extract;

/** Whether an event had happened, was happening or was still to come when the article was written. */
public enum EventStatus {
    PAST,
    ONGOING,
    EXPECTED
}
