package dev.quoteline.ingest;

/**
 * What storing one article did: its id, whether it was new, and how much it added; for a new article also its row as
 * {@code ReadRepository.ARTICLE_COLUMNS} reads it (null when the text was already stored).
 */
public record StoreOutcome(long articleId, boolean created, int statements, int speakers, int events, Object[] articleRow) {
}
