package dev.quoteline.extract;

import dev.quoteline.extract.time.PublicationTime;

/**
 * An article as submitted: the body exactly as given, and whatever metadata the caller knows.
 * Metadata wins over what the analysis reads from the text; null means unknown.
 */
public record RawArticle(String body, String title, String publisher, String url, PublicationTime publishedAt) {
    public RawArticle {
        if (body == null) {
            throw new IllegalArgumentException("body is required");
        }
    }

    public static RawArticle ofBody(String body) {
        return new RawArticle(body, null, null, null, null);
    }
}
