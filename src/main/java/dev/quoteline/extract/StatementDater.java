package dev.quoteline.extract;

import dev.quoteline.extract.time.Precision;
import dev.quoteline.extract.time.PublicationTime;
import dev.quoteline.extract.time.TemporalTagger;
import dev.quoteline.extract.time.TemporalValue;
import java.util.List;

/**
 * Stage 9: when each statement was said. The words of the attributing clause may date it ("said on Tuesday",
 * "Last month, X said"); otherwise it was said on the article's day. An undated article gives null, never today.
 */
final class StatementDater {
    /** {@code tags} must be the article's memo, anchored at the publication date. */
    TemporalValue date(ExtractedStatement s, PublicationTime publishedAt, TemporalTagger.Memo tags) {
        if (publishedAt == null) return null;
        TemporalValue day = TemporalValue.day(publishedAt.date());
        if (s.cue() == null || s.sentence() == null) return day;
        Span sent = s.sentence();
        int from = Math.min(sent.start(), s.cue().start());
        int to = Math.max(sent.end(), s.cue().end());
        if (s.speakerMention() != null) {
            from = Math.min(from, s.speakerMention().start());
            to = Math.max(to, s.speakerMention().end());
        }
        List<TemporalValue> found;
        try {
            found = tags.tag(from, to);
        } catch (RuntimeException e) {
            return day;
        }
        TemporalValue best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (TemporalValue v : found) {
            // only words outside the statement itself date the saying, and a saying is never in the future
            if (v.expressionStart() < 0 || v.expressionStart() < s.content().end() && v.expressionEnd() > s.content().start()) continue;
            if (v.precision() == Precision.DAYS || v.precision() == Precision.WEEKS || v.precision() == Precision.MONTHS) continue;
            if (v.start().isAfter(publishedAt.date())) continue;
            int d = Math.min(Math.abs(v.expressionStart() - s.cue().end()), Math.abs(s.cue().start() - v.expressionEnd()));
            if (d < bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= 80 ? best : day;
    }
}
