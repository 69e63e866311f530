package dev.quoteline.support;

import dev.quoteline.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * The real PostgreSQL the tests run against: the one named by QUARKUS_DATASOURCE_JDBC_URL if set; else the local
 * server on 127.0.0.1:5432 (database quoteline_test, created if missing), as on CI; else, on a machine with only a
 * JDK, an embedded PostgreSQL started for the run. Never H2, never a mock.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "quoteline_test";
    private EmbeddedDatabase embedded;

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        if (createLocalDatabase()) {
            return Map.of("quarkus.datasource.jdbc.url", LOCAL + DATABASE, "quarkus.datasource.username", "postgres");
        }
        try {
            Path dir = Path.of("target", "embedded-test-db");
            Files.createDirectories(dir);
            embedded = EmbeddedDatabase.start(dir, 0);
            return Map.of("quarkus.datasource.jdbc.url", embedded.jdbcUrl(), "quarkus.datasource.username", "postgres");
        } catch (Exception e) {
            throw new IllegalStateException("No PostgreSQL for the tests: none on 127.0.0.1:5432, "
                    + "QUARKUS_DATASOURCE_JDBC_URL unset, and the embedded one failed to start", e);
        }
    }

    private static boolean createLocalDatabase() {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "3");
        try (Connection c = DriverManager.getConnection(LOCAL + "postgres", props); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return true;
                }
            }
            s.execute("create database " + DATABASE);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.stop();
        }
    }
}
