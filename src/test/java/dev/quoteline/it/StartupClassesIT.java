package dev.quoteline.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quoteline.db.EmbeddedDatabase;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The start's class list (src/main/resources/dev/quoteline/startup-classes.txt) still fits the packaged application,
 * and the packaged application's start really loads it ahead of need. A list recorded before a dependency upgrade
 * fails here, with the command that records it again.
 */
class StartupClassesIT {
    private static final int DB_PORT = 18871;
    private static final int APP_PORT = 18872;
    private static final Path LIST = Path.of("src", "main", "resources", "dev", "quoteline", "startup-classes.txt");
    private static final String RECORD_AGAIN = "record the list again: python3 src/bench/startup_classes.py, then rebuild";

    static List<String> listed() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(LIST)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.strip());
            }
        }
        return names;
    }

    @Test
    void theListNamesClassesThePackagedApplicationHas() throws Exception {
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("target", "quarkus-app"))) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                jars.add(jar.toUri().toURL());
            }
        }
        assertTrue(jars.size() > 100, "package the application first: " + jars);
        List<String> names = listed();
        assertTrue(names.size() > 5_000, "a start loads about 10,000 classes; the list has " + names.size());
        List<String> missing = new ArrayList<>();
        // the platform loader's parent finds the JDK's own classes; the jars the application's
        try (URLClassLoader application = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                if (application.getResource(name.replace('.', '/') + ".class") == null) {
                    missing.add(name);
                }
            }
        }
        assertTrue(missing.size() <= names.size() / 20, missing.size() + " of " + names.size()
                + " listed classes are not in the packaged application (" + RECORD_AGAIN + "), for example "
                + missing.subList(0, Math.min(10, missing.size())));
        assertTrue(names.contains("dev.quoteline.QuotelineMain"), "the list should hold the application's own classes");
    }

    @Test
    void aStartOfThePackagedApplicationLoadsTheListAheadOfNeed() throws Exception {
        Path work = Files.createTempDirectory("quoteline-startup-classes-it");
        EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("pg"), DB_PORT);
        try (QuotelineProcess app = QuotelineProcess.start(APP_PORT, db.jdbcUrl(),
                Map.of("QUARKUS_LOG_CATEGORY__DEV_QUOTELINE__LEVEL", "DEBUG"))) {
            Pattern line = Pattern.compile("Start-up classes: (\\d+) loaded ahead of need in [0-9.]+ s, (\\d+) not in this build");
            long deadline = System.nanoTime() + 60_000_000_000L;
            String log = Files.readString(app.log);
            while (!line.matcher(log).find() && !log.contains("start-up classes listed in") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                log = Files.readString(app.log);
            }
            assertFalse(log.contains("start-up classes listed in"), log);
            Matcher done = line.matcher(log);
            assertTrue(done.find(), "no report of the start's class preload in the log:\n" + log);
            int loaded = Integer.parseInt(done.group(1));
            int missing = Integer.parseInt(done.group(2));
            assertTrue(loaded + missing == listed().size() && missing <= loaded / 20, done.group() + " (" + RECORD_AGAIN + ")");
        } finally {
            db.stop();
        }
    }
}
