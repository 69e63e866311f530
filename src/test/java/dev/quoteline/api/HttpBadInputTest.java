package dev.quoteline.api;

import static dev.quoteline.api.HttpChecks.assertHealthy;
import static dev.quoteline.api.HttpChecks.error;
import static dev.quoteline.api.HttpChecks.raw;
import static dev.quoteline.api.HttpChecks.rowCounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quoteline.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad requests at the HTTP level: each gets a clear GraphQL-shaped error, the server stays healthy, and nothing is
 * stored. Most send an ingestArticle mutation with the writer token, so that a request that slipped through would
 * store an article and change the row counts.
 */
@QuarkusTest
class HttpBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INGEST = "mutation($input: ArticleInput!) { ingestArticle(input: $input) { created } }";

    @Inject
    DataSource db;
    @TestHTTPResource("/graphql")
    URI endpoint;

    private Map<String, Long> before;

    @BeforeEach
    void countRows() {
        before = rowCounts(db);
    }

    @AfterEach
    void healthyAndNothingStored() {
        assertHealthy();
        assertEquals(before, rowCounts(db), "row counts changed");
    }

    private static String article() {
        return "Council approves bridge budget\nThe council approved the bridge budget on Monday, Mayor Linda Carrow "
                + "said.\n“It connects our city,” Carrow told reporters. Marker " + System.nanoTime() + ".\n";
    }

    private static String ingestJson(String body) throws Exception {
        return JSON.writeValueAsString(Map.of("query", INGEST,
                "variables", Map.of("input", Map.of("body", body, "source", "Test Gazette"))));
    }

    @Test
    void malformedJson() throws Exception {
        String json = ingestJson(article());
        Response response = raw().header("Authorization", TestTokens.AUTHORIZATION).contentType("application/json")
                .body(json.substring(0, json.length() - 2)).post("/graphql");
        String message = error(response, 400, "BAD_REQUEST");
        assertTrue(message.startsWith("The request body is not valid JSON"), message);
    }

    @Test
    void queryThatDoesNotParse() {
        // application/json: a well-formed HTTP request whose GraphQL fails answers 200, errors and no data
        Response json = HttpChecks.postJson("{\"query\": \"{ speakers { totalCount \"}");
        assertEquals(200, json.statusCode());
        assertTrue(json.jsonPath().getString("errors[0].message").length() > 0);
        assertNull(json.jsonPath().get("data"));
        assertTrue(json.asString().indexOf("\"data\"") < 0, "no data entry at all: " + json.asString());
        // application/graphql-response+json: 400
        Response strict = raw().accept("application/graphql-response+json").contentType("application/json")
                .body("{\"query\": \"mutation { ingestArticle(input: {body: \\\"x\\\" \"}")
                .header("Authorization", TestTokens.AUTHORIZATION).post("/graphql");
        assertEquals(400, strict.statusCode(), strict.asString());
        assertTrue(strict.contentType().startsWith("application/graphql-response+json"), strict.contentType());
        assertNull(strict.jsonPath().get("data"));
    }

    @Test
    void unknownField() throws Exception {
        String query = "mutation($input: ArticleInput!) { ingestArticle(input: $input) { created noSuchField } }";
        String body = JSON.writeValueAsString(Map.of("query", query,
                "variables", Map.of("input", Map.of("body", article()))));
        Response response = raw().accept("application/graphql-response+json").contentType("application/json")
                .header("Authorization", TestTokens.AUTHORIZATION).body(body).post("/graphql");
        assertEquals(400, response.statusCode(), response.asString());
        assertTrue(response.jsonPath().getString("errors[0].message").contains("noSuchField"), response.asString());
        assertEquals("ValidationError", response.jsonPath().getString("errors[0].extensions.classification"));
    }

    @Test
    void wrongVariableTypes() throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", INGEST,
                "variables", Map.of("input", Map.of("body", List.of(1, 2, 3)))));
        Response response = raw().contentType("application/json").header("Authorization", TestTokens.AUTHORIZATION)
                .body(body).post("/graphql");
        assertEquals(200, response.statusCode());
        assertTrue(response.jsonPath().getString("errors[0].message").contains("input"), response.asString());
        assertTrue(response.asString().indexOf("\"data\"") < 0, response.asString());

        Response strict = raw().accept("application/graphql-response+json").contentType("application/json")
                .header("Authorization", TestTokens.AUTHORIZATION).body(body).post("/graphql");
        assertEquals(400, strict.statusCode(), strict.asString());
    }

    @Test
    void tenMegabyteBody() throws Exception {
        // no token: the everyone limit (1 MiB) applies
        String padding = "a".repeat(10 * 1024 * 1024);
        String message = error(HttpChecks.postJson("{\"query\": \"{ __typename }\", \"extensions\": {\"pad\": \""
                + padding + "\"}}"), 413, "PAYLOAD_TOO_LARGE");
        assertTrue(message.contains("1048576 bytes") && message.contains("quoteline.http.max-body-size"), message);
        // with the writer token, 10 MB is within the writer limit; the article body itself is then over 2 MiB
        // characters and refused by the input check, still storing nothing
        Response writer = raw().contentType("application/json").header("Authorization", TestTokens.AUTHORIZATION)
                .body(ingestJson(article() + padding)).post("/graphql");
        assertEquals(200, writer.statusCode());
        assertEquals("BAD_USER_INPUT", writer.jsonPath().getString("errors[0].extensions.code"), writer.asString());
        // over the writer limit (13 MiB)
        Response over = raw().contentType("application/json").header("Authorization", TestTokens.AUTHORIZATION)
                .body(ingestJson(article() + "a".repeat(14 * 1024 * 1024))).post("/graphql");
        String overMessage = error(over, 413, "PAYLOAD_TOO_LARGE");
        assertTrue(overMessage.contains("quoteline.http.writer-max-body-size"), overMessage);
    }

    @Test
    void writerTokenRaisesTheLimit() throws Exception {
        String body = "{\"query\": \"{ __typename }\", \"extensions\": {\"pad\": \"" + "a".repeat(1_500_000) + "\"}}";
        error(HttpChecks.postJson(body), 413, "PAYLOAD_TOO_LARGE");
        Response writer = raw().contentType("application/json").header("Authorization", TestTokens.AUTHORIZATION)
                .body(body).post("/graphql");
        assertEquals(200, writer.statusCode(), writer.asString());
        assertEquals("Query", writer.jsonPath().getString("data.__typename"));
    }

    @Test
    void chunkedBodyWithoutContentLength() throws Exception {
        byte[] body = ("{\"query\": \"{ __typename }\", \"extensions\": {\"pad\": \"" + "a".repeat(3 * 1024 * 1024)
                + "\"}}").getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                // an input stream of unknown length: the client sends it chunked, with no Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("PAYLOAD_TOO_LARGE"), response.body());
        assertTrue(response.body().contains("is more than 1048576 bytes"), response.body());

        // a small chunked body goes through
        byte[] small = "{\"query\": \"{ __typename }\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> ok = client.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("{\"data\":{\"__typename\":\"Query\"}}", ok.body());
    }

    @Test
    void batchedJsonArray() throws Exception {
        String batch = "[" + ingestJson(article()) + "," + ingestJson(article()) + "]";
        Response response = raw().contentType("application/json").header("Authorization", TestTokens.AUTHORIZATION)
                .body(batch).post("/graphql");
        String message = error(response, 400, "BAD_REQUEST");
        assertTrue(message.startsWith("Batched requests"), message);
    }

    @Test
    void invalidUtf8() throws Exception {
        byte[] valid = ingestJson(article()).getBytes(StandardCharsets.UTF_8);
        // 0xC3 0x28 is a broken two-byte sequence; put it inside the article text
        int at = new String(valid, StandardCharsets.UTF_8).indexOf("Marker");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, at);
        out.write(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
        out.write(valid, at, valid.length - at);
        Response response = raw().contentType("application/json").header("Authorization", TestTokens.AUTHORIZATION)
                .body(out.toByteArray()).post("/graphql");
        assertEquals("The request body is not valid UTF-8.", error(response, 400, "BAD_REQUEST"));
    }

    @Test
    void getWithMutation() throws Exception {
        Response response = raw().header("Authorization", TestTokens.AUTHORIZATION)
                .queryParam("query", INGEST)
                .queryParam("variables", JSON.writeValueAsString(Map.of("input", Map.of("body", article()))))
                .get("/graphql");
        String message = error(response, 405, "METHOD_NOT_ALLOWED");
        assertTrue(message.contains("mutation") && message.contains("POST"), message);
        assertEquals("POST", response.header("Allow"));
    }

    @Test
    void parametersOfTheWrongType() {
        for (String body : Arrays.asList("{\"query\": 42}", "{\"query\": \"{ __typename }\", \"variables\": \"{}\"}",
                "{\"query\": \"{ __typename }\", \"operationName\": []}", "{}", "\"{ __typename }\"", "")) {
            error(HttpChecks.postJson(body), 400, "BAD_REQUEST");
        }
    }
}
