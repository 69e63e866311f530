package dev.quoteline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quoteline.db.EmbeddedDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under a running server, then started again on the same data folder and port: requests fail fast
 * with a clear error while it is gone, readiness goes DOWN and liveness stays UP, and service resumes without a restart.
 * The database is an embedded PostgreSQL this test starts and stops itself.
 */
class DatabaseOutageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DB_PORT = 18831;
    private static final int APP_PORT = 18832;
    private static final int CLIENTS = 24;
    private static final String QUERY = "{\"query\":\"{ timeline(first: 5) { totalCount edges { node { __typename "
            + "... on Statement { text speaker { name } } } } } }\"}";
    // separate connections, as separate clients: the JDK client's HTTP/2 upgrade would queue them on one
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Answer(int status, JsonNode body, double seconds) {
    }

    private static Answer post(String json) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORT + "/graphql"))
                .header("content-type", "application/json")
                .header("Authorization", dev.quoteline.support.TestTokens.AUTHORIZATION)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()), (System.nanoTime() - t0) / 1e9);
    }

    /** The same query from many clients at once. */
    private static List<Answer> burst(String json) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) futures.add(pool.submit(() -> post(json)));
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) answers.add(f.get(90, TimeUnit.SECONDS));
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertServes(Answer a) {
        assertEquals(200, a.status());
        assertFalse(a.body().has("errors"), a.body().toString());
        assertTrue(a.body().path("data").path("timeline").path("totalCount").asInt() > 0, a.body().toString());
    }

    private static void assertUnavailable(Answer a) {
        JsonNode error = a.body().path("errors").path(0);
        assertEquals("DATABASE_UNAVAILABLE", error.path("extensions").path("code").asText(), a.body().toString());
        assertEquals("the database is unavailable; try again shortly", error.path("message").asText());
        JsonNode copy = a.body().deepCopy();
        // the exception's class name is in every error by the project's error-extension-fields setting; all else is checked
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("errors").path(0).path("extensions")).remove("exception");
        String all = copy.toString();
        assertFalse(all.matches("(?is).*(select |insert |sqlstate|jdbc|postgres|psql|org\\.|java\\.|127\\.0\\.0\\.1|localhost|refused|" + DB_PORT + ").*"),
                "nothing about the driver or the database's address reaches the client: " + all);
    }

    @Test
    void stoppedAndRestartedPostgres() throws Exception {
        Path dataDir = Files.createTempDirectory("quoteline-outage-db");
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, DB_PORT);
        try (QuotelineProcess app = QuotelineProcess.start(APP_PORT, db.jdbcUrl(), Map.of())) {
            for (Answer a : burst(QUERY)) assertServes(a);

            db.stop();
            long stoppedAt = System.nanoTime();

            List<Answer> during = burst(QUERY);
            double slowest = 0;
            for (Answer a : during) {
                assertUnavailable(a);
                slowest = Math.max(slowest, a.seconds());
            }
            // the pool's acquisition timeout is 3 s; allow for a loaded two-core machine
            assertTrue(slowest < 8, "every request answered within seconds, slowest " + slowest + " s");

            Answer ingest = post(JSON.writeValueAsString(Map.of(
                    "query", "mutation($input: ArticleInput!) { ingestArticle(input: $input) { created } }",
                    "variables", Map.of("input", Map.of("body", "Outage test\nThe port will reopen, harbour master Ann Vik said.\n")))));
            assertUnavailable(ingest);

            HttpResponse<String> ready = app.get("/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("\"status\": \"DOWN\"") || ready.body().contains("\"status\":\"DOWN\""), ready.body());
            HttpResponse<String> live = app.get("/q/health/live");
            assertEquals(200, live.statusCode(), live.body());
            System.out.printf("outage: %d queries answered DATABASE_UNAVAILABLE, slowest %.2f s; readiness 503 after %.1f s%n",
                    during.size(), slowest, (System.nanoTime() - stoppedAt) / 1e9);

            db = EmbeddedDatabase.start(dataDir, DB_PORT);
            long restartedAt = System.nanoTime();
            Answer first = null;
            while (System.nanoTime() - restartedAt < TimeUnit.SECONDS.toNanos(30)) {
                first = post(QUERY);
                if (!first.body().has("errors")) break;
                Thread.sleep(250);
            }
            assertServes(first);
            double recovery = (System.nanoTime() - restartedAt) / 1e9;
            // every request after the first success is served: no dead pooled connection is handed out
            for (Answer a : burst(QUERY)) assertServes(a);
            assertEquals(200, app.get("/q/health/ready").statusCode());
            JsonNode stored = post(JSON.writeValueAsString(Map.of(
                    "query", "mutation($input: ArticleInput!) { ingestArticle(input: $input) { created } }",
                    "variables", Map.of("input", Map.of("body", "Outage test\nThe port will reopen, harbour master Ann Vik said.\n"))))).body();
            assertTrue(stored.path("data").path("ingestArticle").path("created").asBoolean(), stored.toString());
            System.out.printf("recovery: served again %.1f s after PostgreSQL was back, no restart%n", recovery);
            assertTrue(app.alive());
        } finally {
            db.stop();
        }
    }
}
