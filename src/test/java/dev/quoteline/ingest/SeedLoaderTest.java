package dev.quoteline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedLoaderTest {
    @Inject
    SeedLoader loader;

    @Test
    void loadingAgainChangesNothing() {
        assertTrue(loader.finished(), "the start-up load ran");
        SeedLoader.Summary again = loader.load(Path.of("seeds"));
        assertEquals(2, again.files());
        assertEquals(2, again.articles());
        assertEquals(0, again.created(), "restarts never duplicate anything");
        assertEquals(0, again.failed());
    }

    @Test
    void aBrokenSeedIsReportedAndSkippedWhileTheOthersLoad() throws Exception {
        Path dir = Files.createTempDirectory("seeds");
        Files.copy(Path.of("seeds/000_aaff07d41cd9087d.txt"), dir.resolve("a.txt"), StandardCopyOption.REPLACE_EXISTING);
        Files.write(dir.resolve("b.txt"), new byte[] {'H', 'i', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        Files.writeString(dir.resolve("c.txt"), "Sidecar is broken\nThe mayor said it works.\n");
        Files.writeString(dir.resolve("c.meta.json"), "{ not json");
        Files.writeString(dir.resolve("d.txt"), "   \n");
        SeedLoader.Summary summary = loader.load(dir);
        assertEquals(4, summary.files());
        assertEquals(1, summary.articles(), "only the good file loads");
        assertEquals(3, summary.failed());
    }
}
