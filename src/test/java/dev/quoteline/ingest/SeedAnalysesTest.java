package dev.quoteline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quoteline.extract.ArticleAnalyzer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed analyses the build ships must be exactly what the analyser computes at start (SeedAnalyses). */
class SeedAnalysesTest {
    static ArticleAnalyzer analyzer;

    @BeforeAll
    static void models() {
        analyzer = new ArticleAnalyzer();
    }

    @Test
    void shippedAnalysesReadBackEqualToAFreshAnalysisOfEverySeed() throws IOException {
        long seeds;
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            seeds = files.filter(p -> p.toString().endsWith(".txt")).count();
        }
        List<SeedAnalyses.Entry> written = SeedAnalyses.analyse(Path.of("seeds"), analyzer);
        assertTrue(seeds > 0);
        assertEquals(seeds, written.size());
        byte[] json = SeedAnalyses.JSON.writeValueAsBytes(written);
        Map<SharedAnalyzer.Key, IngestService.Analysed> read = SeedAnalyses.read(new ByteArrayInputStream(json));
        assertEquals(seeds, read.size());
        for (SeedAnalyses.Entry e : written) {
            var raw = e.analysed().raw();
            IngestService.Analysed shipped = read.get(
                    new SharedAnalyzer.Key(raw.body(), e.title(), e.source(), e.url(), e.publishedAt()));
            assertNotNull(shipped);
            // records all the way down: equal means every span, date (with its offset), speaker and event
            assertEquals(IngestService.validate(raw.body(), e.title(), e.source(), e.url(), e.publishedAt()), shipped.raw());
            assertEquals(analyzer.analyze(shipped.raw()), shipped.analysis());
        }
    }

    @Test
    void anEditedSeedOrOtherFactsFindNoShippedAnalysis(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "Title\n\n\"We will build it,\" the mayor said on Monday.\n");
        Files.writeString(dir.resolve("a.meta.json"), "{\"publishedAt\": \"2024-03-05T10:00:00+02:00\"}");
        byte[] json = SeedAnalyses.JSON.writeValueAsBytes(SeedAnalyses.analyse(dir, analyzer));
        Map<SharedAnalyzer.Key, IngestService.Analysed> read = SeedAnalyses.read(new ByteArrayInputStream(json));
        String body = Files.readString(dir.resolve("a.txt"));
        assertNotNull(read.get(new SharedAnalyzer.Key(body, null, null, null, "2024-03-05T10:00:00+02:00")));
        assertEquals("+02:00", read.values().iterator().next().raw().publishedAt().instant().getOffset().toString());
        assertNull(read.get(new SharedAnalyzer.Key(body + " ", null, null, null, "2024-03-05T10:00:00+02:00")));
        assertNull(read.get(new SharedAnalyzer.Key(body, null, null, null, "2024-03-06")));
    }

    @Test
    void aFileThatIsNotAnalysesIsRefused() {
        assertThrows(IOException.class, () -> SeedAnalyses.read(
                new ByteArrayInputStream("{\"not\": \"a list\"}".getBytes(StandardCharsets.UTF_8))));
    }
}
