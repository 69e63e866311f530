package dev.quoteline;

import dev.quoteline.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;

/**
 * Entry point. When no database is configured it starts an embedded PostgreSQL first and points the datasource at it;
 * this has to happen before Quarkus reads its runtime configuration, hence a custom main rather than a startup bean.
 */
@QuarkusMain
public class QuotelineMain {
    private static EmbeddedDatabase embedded;

    public static void main(String... args) {
        // The OpenNLP models load and the seeds are analysed on another core while the database and Quarkus start
        // (README: "Performance"). Logging first: two threads initialising java.util.logging at once deadlock, and the
        // platform's bean server that the compiler directive is added through registers java.util.logging's bean.
        java.util.logging.LogManager.getLogManager();
        if (switchedOn("quoteline.startup.preload-classes")) {
            StartupClasses.begin();
        }
        if (switchedOn("quoteline.startup.compiler-directive")) {
            StartupCompilation.begin();
        }
        String seedDir = setting("quoteline.seeds.dir");
        dev.quoteline.ingest.SharedAnalyzer.preload(switchedOn("quoteline.seeds.enabled")
                ? Path.of(seedDir == null ? "seeds" : seedDir) : null);
        if (embeddedDatabaseWanted()) {
            startEmbeddedDatabase();
        }
        try {
            Quarkus.run(Ready.class, args);
        } finally {
            if (embedded != null) {
                embedded.stop();
            }
        }
    }

    /** Runs once the application is ready (its start-up event observed, HTTP listening) until it is asked to stop. */
    public static class Ready implements QuarkusApplication {
        @Override
        public int run(String... args) {
            StartupCompilation.end();
            StartupClasses.report();
            Quarkus.waitForExit();
            return 0;
        }
    }

    static boolean embeddedDatabaseWanted() {
        if (setting("quarkus.datasource.jdbc.url") != null) {
            return false;
        }
        return switchedOn("quoteline.embedded-db.enabled");
    }

    private static synchronized void startEmbeddedDatabase() {
        if (embedded != null) {
            return; // dev mode restarts the application in the same JVM
        }
        String dir = setting("quoteline.embedded-db.dir");
        String port = setting("quoteline.embedded-db.port");
        Path dataDirectory = Path.of(dir == null ? ".quoteline/db" : dir);
        try {
            embedded = EmbeddedDatabase.start(dataDirectory, port == null ? 0 : Integer.parseInt(port));
        } catch (Exception | LinkageError e) {
            System.err.println("""
                    Quoteline could not start its embedded PostgreSQL (%s).
                    Point it at a PostgreSQL server instead, for example:
                      QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/quoteline \\
                      QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=... java -jar quarkus-run.jar
                    or set QUOTELINE_EMBEDDED_DB_DIR to a writable folder.""".formatted(e));
            System.exit(2);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop, "embedded-postgres-stop"));
        System.setProperty("quarkus.datasource.jdbc.url", embedded.jdbcUrl());
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "");
    }

    /** A switch that is on unless set to something other than {@code true}. */
    static boolean switchedOn(String name) {
        String value = setting(name);
        return value == null || Boolean.parseBoolean(value);
    }

    /** A setting as a system property or its environment-variable form (MicroProfile Config naming). */
    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? null : value;
    }
}
