package dev.quoteline.ingest;

/** What storing one article did: its id, whether it was new, and how much it added. */
public record StoreOutcome(long articleId, boolean created, int statements, int speakers, int events) {
}
