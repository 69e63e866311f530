package dev.quoteline.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quoteline.support.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** GraphQL over plain java.net.http, safe to use from many threads at once (the concurrency tests need that). */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String INGEST = """
            mutation($input: ArticleInput!) { ingestArticle(input: $input) {
              created statementCount article { id contentHash } } }""";

    // HTTP/1.1, one connection per concurrent request, as separate clients would: the JDK client's default upgrade to
    // HTTP/2 multiplexes every request over one connection, which the server runs one after another.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI graphql;

    Api(URI graphql) {
        this.graphql = graphql;
    }

    JsonNode post(String query, Map<String, Object> variables) throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(graphql)
                        .header("content-type", "application/json")
                        .header("Authorization", TestTokens.AUTHORIZATION)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    JsonNode ingest(String body, String publishedAt) throws IOException, InterruptedException {
        return post(INGEST, Map.of("input", Map.of("body", body, "source", "Faults Gazette", "publishedAt", publishedAt)));
    }

    /** Fails when the answer carries errors. */
    static JsonNode ok(JsonNode answer) {
        if (answer.has("errors")) {
            throw new AssertionError("GraphQL errors: " + answer.get("errors"));
        }
        return answer.get("data");
    }
}
