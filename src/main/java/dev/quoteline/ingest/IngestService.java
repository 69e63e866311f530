package dev.quoteline.ingest;

import dev.quoteline.extract.ArticleAnalysis;
import dev.quoteline.extract.ArticleAnalyzer;
import dev.quoteline.extract.RawArticle;
import dev.quoteline.extract.time.PublicationTime;
import dev.quoteline.extract.time.PublicationTimeParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;

/**
 * Checks a submitted article, runs the analysis (outside any transaction: it is CPU work) and stores the result.
 * Input problems surface as {@link InvalidArticleException} with a message naming the field and the problem.
 */
@ApplicationScoped
public class IngestService {
    /** Bodies longer than this many UTF-16 units are refused (2 MiB of text). */
    public static final int MAX_BODY_CHARS = 2 * 1024 * 1024;

    private final ArticleAnalyzer analyzer = new ArticleAnalyzer();

    @Inject
    ArticleStore store;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    public record Analysed(RawArticle raw, ArticleAnalysis analysis) {
    }

    public Analysed analyse(String body, String title, String source, String url, String publishedAt) {
        RawArticle raw = validate(body, title, source, url, publishedAt);
        return new Analysed(raw, analyzer.analyze(raw));
    }

    public StoreOutcome ingest(String body, String title, String source, String url, String publishedAt) {
        long t0 = System.nanoTime();
        String outcome = "failed";
        try {
            Analysed analysed = analyse(body, title, source, url, publishedAt);
            StoreOutcome stored = store.store(analysed.raw(), analysed.analysis());
            outcome = stored.created() ? "created" : "existing";
            return stored;
        } catch (InvalidArticleException e) {
            outcome = "rejected";
            throw e;
        } finally {
            io.micrometer.core.instrument.Timer.builder("quoteline.ingest")
                    .description("Articles ingested (analysis and store), by outcome: created, existing, rejected, failed")
                    .tag("outcome", outcome).register(registry)
                    .record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    static RawArticle validate(String body, String title, String source, String url, String publishedAt) {
        if (body == null || body.isBlank()) {
            throw new InvalidArticleException("body", body == null || body.isEmpty()
                    ? "is empty: an article needs its text" : "holds only whitespace: an article needs its text");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new InvalidArticleException("body", "is " + body.length() + " characters long; the limit is "
                    + MAX_BODY_CHARS);
        }
        if (body.indexOf('\u0000') >= 0 || body.indexOf('\uFFFD') >= 0) {
            throw new InvalidArticleException("body", "contains binary data (NUL bytes or invalid UTF-8); send plain text");
        }
        PublicationTime published = null;
        if (publishedAt != null && !publishedAt.isBlank()) {
            try {
                published = PublicationTimeParser.parseIso(publishedAt.strip());
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new InvalidArticleException("publishedAt", "'" + publishedAt
                        + "' is not a valid ISO date (2023-03-08) or date-time with offset (2023-03-08T22:31:00+05:30)");
            }
        }
        return new RawArticle(body, blankToNull(title), blankToNull(source), blankToNull(url), published);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
