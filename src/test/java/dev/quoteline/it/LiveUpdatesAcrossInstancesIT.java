package dev.quoteline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two Quoteline instances on one database, as behind a load balancer: an article ingested through instance A reaches
 * a subscriber connected to instance B (PostgreSQL LISTEN/NOTIFY, no broker). The client speaks graphql-transport-ws.
 */
class LiveUpdatesAcrossInstancesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String database() throws Exception {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (url != null) {
            return url;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists quoteline_it with (force)");
            s.execute("create database quoteline_it");
        }
        return "jdbc:postgresql://127.0.0.1:5432/quoteline_it";
    }

    @Test
    void anArticleIngestedOnAReachesASubscriberOnB() throws Exception {
        String db = database();
        try (QuotelineProcess a = QuotelineProcess.start(18401, db, Map.of());
             QuotelineProcess b = QuotelineProcess.start(18402, db, Map.of("QUOTELINE_SEEDS_ENABLED", "false"))) {
            LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
            WebSocket socket = QuotelineProcess.HTTP.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .buildAsync(URI.create("ws://127.0.0.1:" + b.port + "/graphql"), new Collector(messages)).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"connection_init\"}", true).get();
            assertEquals("connection_ack", messages.poll(10, TimeUnit.SECONDS).get("type").asText());
            String marker = "Lanternfish" + System.nanoTime();
            socket.sendText(JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload", Map.of(
                    "query", "subscription($q: String) { statementAdded(search: $q) { id text speaker { name } article { title } } }",
                    "variables", Map.of("q", marker)))), true).get();
            Thread.sleep(1000); // let B register the subscription before A stores the article

            String body = "Fishery reopens\nThe " + marker + " fishery will reopen in May, fisheries officer Ruth Ames said.\n";
            String ingest = JSON.writeValueAsString(Map.of(
                    "query", "mutation($input: ArticleInput!) { ingestArticle(input: $input) { created } }",
                    "variables", Map.of("input", Map.of("body", body, "publishedAt", "2030-04-02"))));
            assertTrue(a.graphql(ingest).body().contains("\"created\":true"));

            JsonNode next = messages.poll(30, TimeUnit.SECONDS);
            assertTrue(next != null, "no live update reached instance B; its log: " + b.log);
            assertEquals("next", next.get("type").asText(), next.toString());
            JsonNode statement = next.path("payload").path("data").path("statementAdded");
            assertTrue(statement.path("text").asText().contains(marker), next.toString());
            assertEquals("Ruth Ames", statement.path("speaker").path("name").asText());
            assertEquals("Fishery reopens", statement.path("article").path("title").asText());
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    /** Collects whole text messages as JSON. */
    private record Collector(LinkedBlockingQueue<JsonNode> messages, StringBuilder partial) implements WebSocket.Listener {
        Collector(LinkedBlockingQueue<JsonNode> messages) {
            this(messages, new StringBuilder());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
