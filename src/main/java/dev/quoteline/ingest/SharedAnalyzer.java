package dev.quoteline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quoteline.extract.ArticleAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The one {@link ArticleAnalyzer} of the process. Building it loads the OpenNLP models, and analysing the seed
 * articles needs nothing from the database, so {@link dev.quoteline.QuotelineMain} calls {@link #preload} before Quarkus
 * boots: the models load and the seeds are analysed on another core while Flyway, Hibernate and the GraphQL schema start,
 * and the seed loader only stores what it finds ready (it analyses anything not ready itself: a file it reads differently,
 * a seed folder configured elsewhere than the preload looked). Without the early call (tests, dev mode) the first
 * {@link #get()} builds the analyser. The analysis is a pure function of the article, so a preanalysed result is the
 * one the loader would compute.
 */
public final class SharedAnalyzer {
    /** At most this many seed files are analysed ahead (the loader does the rest). */
    static final int MAX_PREANALYSED = 200;

    private static CompletableFuture<ArticleAnalyzer> analyzer;
    private static final Map<Key, IngestService.Analysed> preanalysed = new ConcurrentHashMap<>();

    /** An article as the ingest sees it: its text and the facts given beside it. */
    record Key(String body, String title, String source, String url, String publishedAt) {
    }

    private SharedAnalyzer() {
    }

    /**
     * Starts building the analyser on a daemon thread, once per process, then analyses the {@code *.txt} seeds of
     * {@code seeds} (null: none). The caller must have initialised logging first: a second thread initialising
     * java.util.logging while Quarkus configures it deadlocks on class initialisation.
     */
    public static synchronized void preload(Path seeds) {
        if (analyzer != null) {
            return;
        }
        analyzer = new CompletableFuture<>();
        CompletableFuture<ArticleAnalyzer> target = analyzer;
        Thread t = new Thread(() -> {
            ArticleAnalyzer built;
            try {
                built = new ArticleAnalyzer();
                target.complete(built);
            } catch (Throwable e) {
                target.completeExceptionally(e);
                return;
            }
            if (seeds != null) {
                preanalyse(built, seeds);
            }
        }, "analyzer-preload");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY);
        t.start();
    }

    private static void preanalyse(ArticleAnalyzer built, Path seeds) {
        try {
            if (!Files.isDirectory(seeds)) {
                return;
            }
            List<Path> texts;
            try (Stream<Path> listing = Files.list(seeds)) {
                texts = listing.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted()
                        .limit(MAX_PREANALYSED).toList();
            }
            for (Path file : texts) {
                try {
                    String body = SeedLoader.readUtf8(file);
                    JsonNode meta = SeedLoader.readSidecar(file);
                    Key key = new Key(body, SeedLoader.text(meta, "title"), SeedLoader.text(meta, "publisher"),
                            SeedLoader.text(meta, "url"), SeedLoader.text(meta, "publishedAt"));
                    var raw = IngestService.validate(key.body(), key.title(), key.source(), key.url(), key.publishedAt());
                    preanalysed.put(key, new IngestService.Analysed(raw, built.analyze(raw)));
                } catch (Exception | LinkageError e) {
                    // the loader meets the same problem on its own and reports it
                }
            }
        } catch (Exception e) {
            // nothing preanalysed: the loader analyses every seed itself
        }
    }

    /** The analysis of this article made ahead, if there is one (each is handed out once). */
    static IngestService.Analysed take(String body, String title, String source, String url, String publishedAt) {
        return preanalysed.isEmpty() ? null : preanalysed.remove(new Key(body, title, source, url, publishedAt));
    }

    /** Drops what the seed loader did not ask for. */
    static void forgetPreanalysed() {
        preanalysed.clear();
    }

    /** The analyser, waiting for the preload when it is still running. */
    public static ArticleAnalyzer get() {
        CompletableFuture<ArticleAnalyzer> f;
        synchronized (SharedAnalyzer.class) {
            if (analyzer == null) {
                analyzer = CompletableFuture.completedFuture(new ArticleAnalyzer());
            }
            f = analyzer;
        }
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            synchronized (SharedAnalyzer.class) {
                if (analyzer == f) {
                    analyzer = null; // a failed preload is retried here, where its error reaches the caller
                }
            }
            return get();
        }
    }
}
