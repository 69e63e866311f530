package dev.quoteline.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quoteline.extract.ArticleAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The seed articles' analyses, made when the application is built and shipped inside it as {@link #RESOURCE}, so a
 * start stores the seeds without loading the OpenNLP models or analysing anything (about a second of CPU on two cores,
 * README "Performance"). The build runs {@link #main} over the repository's {@code seeds} folder with the classes it
 * has just compiled, so an analysis found here is the one the running code would compute. It is used only for an
 * article whose text and facts are exactly those it was made from; any other seed (another folder, an edited file) is
 * analysed at start as before.
 */
public final class SeedAnalyses {
    /** Where the build puts the analyses, on the class path. */
    public static final String RESOURCE = "/seed-analyses.json";

    /** An analysed seed as written: the facts given beside the text (the text itself is in {@code analysed.raw}). */
    record Entry(String title, String source, String url, String publishedAt, IngestService.Analysed analysed) {
    }

    // dates as ISO text, and an OffsetDateTime keeps its own offset (Jackson moves it to UTC by default, and the
    // stored publication time would then differ from a fresh analysis' in its offset)
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private SeedAnalyses() {
    }

    /** Analyses the {@code *.txt} seeds of {@code args[0]} and writes them to the file {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SeedAnalyses SEEDS_FOLDER OUTPUT_FILE");
        }
        Path output = Path.of(args[1]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        List<Entry> entries = analyse(Path.of(args[0]), new ArticleAnalyzer());
        JSON.writeValue(output.toFile(), entries);
        System.out.printf("SeedAnalyses: %d seed analyses written to %s%n", entries.size(), output);
    }

    /** Every seed of the folder that the ingest accepts, analysed; a missing folder has none. */
    static List<Entry> analyse(Path seeds, ArticleAnalyzer analyzer) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(seeds)) {
            return entries;
        }
        List<Path> texts;
        try (Stream<Path> listing = Files.list(seeds)) {
            texts = listing.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        for (Path file : texts) {
            SharedAnalyzer.Key key = SharedAnalyzer.Key.read(file);
            var raw = IngestService.validate(key.body(), key.title(), key.source(), key.url(), key.publishedAt());
            entries.add(new Entry(key.title(), key.source(), key.url(), key.publishedAt(),
                    new IngestService.Analysed(raw, analyzer.analyze(raw))));
        }
        return entries;
    }

    /** The analyses shipped with the application, by article; empty when the build made none (dev mode, tests). */
    static Map<SharedAnalyzer.Key, IngestService.Analysed> shipped() {
        try (InputStream in = SeedAnalyses.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Map.of() : read(in);
        } catch (IOException | RuntimeException e) {
            // unreadable (built by another version?): the seeds are analysed at start instead, as without the file
            return Map.of();
        }
    }

    static Map<SharedAnalyzer.Key, IngestService.Analysed> read(InputStream in) throws IOException {
        Map<SharedAnalyzer.Key, IngestService.Analysed> byKey = new LinkedHashMap<>();
        for (Entry e : JSON.readValue(in, new TypeReference<List<Entry>>() {
        })) {
            byKey.put(new SharedAnalyzer.Key(e.analysed().raw().body(), e.title(), e.source(), e.url(), e.publishedAt()),
                    e.analysed());
        }
        return byKey;
    }
}
