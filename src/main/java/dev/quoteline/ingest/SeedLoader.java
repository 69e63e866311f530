package dev.quoteline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads every {@code *.txt} article of the seeds folder at start. Loading is idempotent: each article is stored in
 * its own transaction and keyed by its content hash, so a restart (even after a crash halfway) stores what is missing
 * and duplicates nothing. Facts the text lacks come from an optional sidecar {@code NAME.meta.json} beside the file
 * ({@code title}, {@code publisher}, {@code url}, {@code publishedAt}).
 */
@ApplicationScoped
public class SeedLoader {
    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quoteline.seeds.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "quoteline.seeds.dir", defaultValue = "seeds")
    Path dir;

    @Inject
    IngestService ingest;
    @Inject
    ArticleStore store;

    private volatile boolean finished;

    public record Summary(int files, int articles, int created, int failed, int statements, int speakers, int events,
                          double seconds) {
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("Seed loading is switched off (quoteline.seeds.enabled=false)");
            SharedAnalyzer.seedLoadEnded();
            finished = true;
            return;
        }
        load(dir);
    }

    void onServing(@Observes HttpServerStart event) {
        SharedAnalyzer.serving(); // the language models may load now (SharedAnalyzer)
    }

    /** Whether the start-up seed load has run (readiness waits for it). */
    public boolean finished() {
        return finished;
    }

    public Summary load(Path folder) {
        long t0 = System.nanoTime();
        int files = 0, articles = 0, created = 0, failed = 0, statements = 0, speakers = 0, events = 0;
        try {
            if (!Files.isDirectory(folder)) {
                LOG.warnf("Seeds folder %s does not exist; nothing loaded", folder.toAbsolutePath());
                return new Summary(0, 0, 0, 0, 0, 0, 0, 0);
            }
            List<Path> texts;
            try (Stream<Path> listing = Files.list(folder)) {
                texts = listing.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            }
            for (Path file : texts) {
                files++;
                try {
                    String body = readUtf8(file);
                    JsonNode meta = readSidecar(file);
                    if (store.storedId(body) != null) {
                        // stored by an earlier start: the content hash decides, so the analysis is skipped
                        articles++;
                        continue;
                    }
                    StoreOutcome outcome = ingest.ingest(body, text(meta, "title"), text(meta, "publisher"),
                            text(meta, "url"), text(meta, "publishedAt"));
                    articles++;
                    if (outcome.created()) {
                        created++;
                        statements += outcome.statements();
                        speakers += outcome.speakers();
                        events += outcome.events();
                    }
                } catch (IOException | RuntimeException e) {
                    failed++;
                    LOG.errorf("Seed %s skipped: %s", file.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.errorf("Seeds folder %s could not be listed: %s", folder, e.getMessage());
        } finally {
            SharedAnalyzer.seedLoadEnded();
            finished = true;
        }
        Summary summary = new Summary(files, articles, created, failed, statements, speakers, events,
                (System.nanoTime() - t0) / 1e9);
        LOG.infof("Seeds loaded from %s: %d articles (%d new, %d failed), %d statements, %d speakers, %d events in %.2f s",
                folder, summary.articles(), summary.created(), summary.failed(), summary.statements(),
                summary.speakers(), summary.events(), summary.seconds());
        return summary;
    }

    static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8 text", e);
        }
    }

    static JsonNode readSidecar(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path sidecar = file.resolveSibling(name.substring(0, name.length() - ".txt".length()) + ".meta.json");
        if (!Files.exists(sidecar)) {
            return null;
        }
        try {
            return JSON.readTree(sidecar.toFile());
        } catch (IOException e) {
            throw new IOException("sidecar " + sidecar.getFileName() + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static String text(JsonNode meta, String field) {
        if (meta == null || !meta.hasNonNull(field)) {
            return null;
        }
        return meta.get(field).asText();
    }
}
