package dev.quoteline.extract;

import dev.quoteline.extract.time.PublicationTime;
import dev.quoteline.extract.time.TemporalValue;

/**
 * Stage 9: when each statement was said. Until the temporal tagger is wired in, every statement of a dated
 * article carries the article's day; an undated article gives null (never today's date).
 */
final class StatementDater {
    TemporalValue date(String body, ExtractedStatement s, PublicationTime publishedAt) {
        if (publishedAt == null) return null;
        return TemporalValue.day(publishedAt.date());
    }
}
