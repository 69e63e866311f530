package dev.quoteline.ingest;

import dev.quoteline.db.DatabaseFailures;
import dev.quoteline.db.StatementTimeout;
import dev.quoteline.extract.ArticleAnalysis;
import dev.quoteline.extract.RawArticle;
import dev.quoteline.extract.time.PublicationTime;
import dev.quoteline.extract.time.PublicationTimeParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import org.jboss.logging.Logger;

/**
 * Checks a submitted article, runs the analysis (outside any transaction: it is CPU work) and stores the result.
 * Input problems surface as {@link InvalidArticleException} with a message naming the field and the problem.
 */
@ApplicationScoped
public class IngestService {
    /** Bodies longer than this many UTF-16 units are refused (2 MiB of text). */
    public static final int MAX_BODY_CHARS = 2 * 1024 * 1024;

    /** Attempts at storing one article when it loses a race (SQLState 40001, 40P01, 23505) before giving up. */
    static final int STORE_ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(IngestService.class);

    @Inject
    ArticleStore store;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;
    @Inject
    StatementTimeout statementTimeout;

    public record Analysed(RawArticle raw, ArticleAnalysis analysis) {
    }

    public Analysed analyse(String body, String title, String source, String url, String publishedAt) {
        Analysed ahead = SharedAnalyzer.take(body, title, source, url, publishedAt);
        if (ahead != null) {
            return ahead; // a seed analysed while the server started (SharedAnalyzer)
        }
        RawArticle raw = validate(body, title, source, url, publishedAt);
        // asked for here, not in a field: Arc constructs this class for its client proxy at start, and asking then
        // would load the language models during the start instead of after it (SharedAnalyzer)
        return new Analysed(raw, SharedAnalyzer.get().analyze(raw));
    }

    public StoreOutcome ingest(String body, String title, String source, String url, String publishedAt) {
        long t0 = System.nanoTime();
        String outcome = "failed";
        try {
            Analysed analysed = analyse(body, title, source, url, publishedAt);
            StoreOutcome stored = storeWithRetry(analysed.raw(), analysed.analysis());
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

    /**
     * Stores the article, running the whole transaction again when it lost a race to a concurrent writer: the losing
     * transaction was rolled back entirely, and its next attempt sees the winner's committed rows (the article already
     * stored, the speaker already created) and merges with them, so the client never sees a constraint error.
     */
    StoreOutcome storeWithRetry(RawArticle raw, ArticleAnalysis analysis) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.store(raw, analysis);
            } catch (RuntimeException e) {
                DatabaseFailures.Kind kind = DatabaseFailures.classify(e);
                if (kind == DatabaseFailures.Kind.CONFLICT && attempt < STORE_ATTEMPTS) {
                    registry.counter("quoteline.ingest.retries", "sqlstate", String.valueOf(DatabaseFailures.sqlState(e)))
                            .increment();
                    LOG.debugf("Store of article %s lost a race (SQLState %s), attempt %d of %d", ContentHash.of(raw.body()),
                            DatabaseFailures.sqlState(e), attempt, STORE_ATTEMPTS);
                    pause(attempt);
                    continue;
                }
                throw clientFailure(e, kind);
            }
        }
    }

    private RuntimeException clientFailure(RuntimeException e, DatabaseFailures.Kind kind) {
        if (kind == DatabaseFailures.Kind.UNAVAILABLE || kind == DatabaseFailures.Kind.TIMEOUT) {
            LOG.warnf("Article not stored: %s (%s)", kind, rootMessage(e));
            return DatabaseFailures.translate(e, statementTimeout.limit());
        }
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Article not stored, reference %s (SQLState %s)", reference, DatabaseFailures.sqlState(e));
        return new StoreFailedException(reference, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage();
    }

    /** Random, growing pauses, so that transactions which collided once do not collide again in lockstep. */
    private static void pause(int attempt) {
        long millis = java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L << attempt);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a store", ie);
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
