package dev.quoteline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quoteline.extract.ArticleAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The one {@link ArticleAnalyzer} of the process. Building it loads the OpenNLP models, and analysing the seed
 * articles needs nothing from the database, so {@link dev.quoteline.QuotelineMain} calls {@link #preload} before Quarkus
 * boots. Seeds whose analyses the build shipped ({@link SeedAnalyses}) are handed to the seed loader as they are, and
 * the models then load only once the seed loader is done (or as soon as something asks for the analyser), off the
 * start's critical path; seeds without a shipped analysis are analysed on this other core while Flyway, Hibernate and
 * the GraphQL schema start, as before. The seed loader only stores what it finds ready (it analyses anything not ready
 * itself: a file it reads differently, a seed folder configured elsewhere than the preload looked). Without the early
 * call (tests, dev mode) the first {@link #get()} builds the analyser. The analysis is a pure function of the article,
 * so a preanalysed result is the one the loader would compute.
 */
public final class SharedAnalyzer {
    /** At most this many seed files are analysed ahead (the loader does the rest). */
    static final int MAX_PREANALYSED = 200;
    /** A bound on waiting for the seed loader, should it never report (it always does, switched off or not). */
    static final long MODELS_DEFERRED_AT_MOST_SECONDS = 120;

    private static CompletableFuture<ArticleAnalyzer> analyzer;
    private static final Map<Key, IngestService.Analysed> preanalysed = new ConcurrentHashMap<>();
    /** Done once the shipped analyses are in {@link #preanalysed} (they take milliseconds, so the loader waits). */
    private static volatile CompletableFuture<Void> shippedTaken = CompletableFuture.completedFuture(null);
    /**
     * Counted down when the seed loader has ended and when the HTTP server is listening: the models load once both
     * have happened (after "ready", so the start does not share its two cores with them), or at once when something
     * asks for the analyser.
     */
    private static final CountDownLatch modelsWanted = new CountDownLatch(2);
    /** Calls of {@link #get()}: a test checks that building the ingest service does not ask (it would load the models). */
    private static final java.util.concurrent.atomic.AtomicLong asked = new java.util.concurrent.atomic.AtomicLong();

    /** An article as the ingest sees it: its text and the facts given beside it. */
    record Key(String body, String title, String source, String url, String publishedAt) {
        /** A seed file's text and the facts of its sidecar, read as the seed loader reads them. */
        static Key read(Path file) throws java.io.IOException {
            String body = SeedLoader.readUtf8(file);
            JsonNode meta = SeedLoader.readSidecar(file);
            return new Key(body, SeedLoader.text(meta, "title"), SeedLoader.text(meta, "publisher"),
                    SeedLoader.text(meta, "url"), SeedLoader.text(meta, "publishedAt"));
        }
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
        CompletableFuture<Void> shipped = new CompletableFuture<>();
        shippedTaken = shipped;
        Thread t = new Thread(() -> {
            List<Path> unanalysed = null;
            try {
                unanalysed = seeds == null ? List.of() : takeShipped(seeds);
            } catch (Exception | LinkageError e) {
                // the seeds are analysed here below, or by the loader, as without shipped analyses
            } finally {
                shipped.complete(null);
            }
            if (seeds != null && unanalysed != null && unanalysed.isEmpty()) {
                try {
                    modelsWanted.await(MODELS_DEFERRED_AT_MOST_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ArticleAnalyzer built;
            try {
                built = new ArticleAnalyzer();
                target.complete(built);
            } catch (Throwable e) {
                target.completeExceptionally(e);
                return;
            }
            if (seeds != null) {
                preanalyse(built, unanalysed == null ? seedFiles(seeds) : unanalysed);
            }
        }, "analyzer-preload");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY);
        t.start();
    }

    /** Puts the build's analyses of the folder's seeds in {@link #preanalysed}; returns the seeds it had none for. */
    private static List<Path> takeShipped(Path seeds) {
        List<Path> files = seedFiles(seeds);
        Map<Key, IngestService.Analysed> shipped = files.isEmpty() ? Map.of() : SeedAnalyses.shipped();
        List<Path> unanalysed = new ArrayList<>();
        for (Path file : files) {
            try {
                Key key = Key.read(file);
                IngestService.Analysed ahead = shipped.get(key);
                if (ahead != null) {
                    preanalysed.put(key, ahead);
                    continue;
                }
            } catch (Exception e) {
                // unreadable here: preanalyse skips it too, and the loader reports it
            }
            unanalysed.add(file);
        }
        return unanalysed;
    }

    private static List<Path> seedFiles(Path seeds) {
        if (!Files.isDirectory(seeds)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(seeds)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted()
                    .limit(MAX_PREANALYSED).toList();
        } catch (Exception e) {
            return List.of(); // the loader meets the same problem on its own and reports it
        }
    }

    private static void preanalyse(ArticleAnalyzer built, List<Path> files) {
        for (Path file : files) {
            try {
                Key key = Key.read(file);
                var raw = IngestService.validate(key.body(), key.title(), key.source(), key.url(), key.publishedAt());
                preanalysed.put(key, new IngestService.Analysed(raw, built.analyze(raw)));
            } catch (Exception | LinkageError e) {
                // the loader meets the same problem on its own and reports it
            }
        }
    }

    /** The analysis of this article made ahead, if there is one (each is handed out once). */
    static IngestService.Analysed take(String body, String title, String source, String url, String publishedAt) {
        try {
            shippedTaken.get(MODELS_DEFERRED_AT_MOST_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            // not there in time: this article is analysed by its caller
        }
        return preanalysed.isEmpty() ? null : preanalysed.remove(new Key(body, title, source, url, publishedAt));
    }

    /** The seed loader has ended (or is switched off): drops what it did not ask for. */
    static void seedLoadEnded() {
        preanalysed.clear();
        modelsWanted.countDown();
    }

    static long timesAsked() {
        return asked.get();
    }

    /** The HTTP server is listening. */
    static void serving() {
        modelsWanted.countDown();
    }

    /** The analyser, waiting for the preload when it is still running. */
    public static ArticleAnalyzer get() {
        asked.incrementAndGet();
        while (modelsWanted.getCount() > 0) {
            modelsWanted.countDown();
        }
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
