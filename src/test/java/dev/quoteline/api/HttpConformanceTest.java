package dev.quoteline.api;

import static dev.quoteline.api.HttpChecks.assertHealthy;
import static dev.quoteline.api.HttpChecks.error;
import static dev.quoteline.api.HttpChecks.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * GraphQL over HTTP as the specification describes it (the graphql-http audit, .ci/http-audit, checks the same
 * against the packaged server), CORS, and what error answers may not contain.
 */
@QuarkusTest
class HttpConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Inject
    DataSource db;

    @Test
    void postAnswersInTheNegotiatedMediaType() {
        Response plain = HttpChecks.postJson("{\"query\": \"{ __typename }\"}");
        assertEquals(200, plain.statusCode());
        assertEquals("application/json; charset=utf-8", plain.contentType());
        assertEquals("Query", plain.jsonPath().getString("data.__typename"));

        Response anything = raw().accept("*/*").contentType("application/json").body("{\"query\": \"{ __typename }\"}")
                .post("/graphql");
        assertEquals("application/json; charset=utf-8", anything.contentType());

        Response strict = raw().accept(GRAPHQL_RESPONSE + ", application/json;q=0.9").contentType("application/json")
                .body("{\"query\": \"{ __typename }\"}").post("/graphql");
        assertEquals(200, strict.statusCode());
        assertEquals(GRAPHQL_RESPONSE + "; charset=utf-8", strict.contentType());

        Response html = raw().accept("text/html").contentType("application/json").body("{\"query\": \"{ __typename }\"}")
                .post("/graphql");
        error(html, 406, "NOT_ACCEPTABLE");
    }

    @Test
    void requestErrorsAre400UnderGraphQlResponseJsonAnd200UnderJson() {
        for (String query : List.of("{ speakers { totalCount ", "{ noSuchField }")) {
            String body = "{\"query\": " + quote(query) + "}";
            Response json = raw().accept("application/json").contentType("application/json").body(body).post("/graphql");
            assertEquals(200, json.statusCode(), json.asString());
            assertFalse(json.asString().contains("\"data\""), json.asString());
            Response strict = raw().accept(GRAPHQL_RESPONSE).contentType("application/json").body(body).post("/graphql");
            assertEquals(400, strict.statusCode(), strict.asString());
            assertEquals("Bad Request", strict.statusLine().substring(strict.statusLine().indexOf("400") + 4));
            assertFalse(strict.jsonPath().getList("errors").isEmpty());
        }
        // a query limit refuses before execution: no data, so 400 as well
        String deep = "{ speakers(first: 1) { edges { node { " + "statements(first: 1) { edges { node { speaker { "
                .repeat(10) + "name" + " }".repeat(43) + " }";
        Response limited = raw().accept(GRAPHQL_RESPONSE).contentType("application/json").body("{\"query\": "
                + quote(deep) + "}").post("/graphql");
        assertEquals(400, limited.statusCode(), limited.asString());
        assertEquals("QUERY_TOO_DEEP", limited.jsonPath().getString("errors[0].extensions.code"), limited.asString());
        // a field error during execution still has data: 200 under both
        Response fieldError = raw().accept(GRAPHQL_RESPONSE).contentType("application/json")
                .body("{\"query\": \"{ articles(first: 1000) { totalCount } }\"}").post("/graphql");
        assertEquals(200, fieldError.statusCode());
        assertEquals("BAD_USER_INPUT", fieldError.jsonPath().getString("errors[0].extensions.code"));
        assertTrue(fieldError.asString().contains("\"data\":null"), fieldError.asString());
    }

    @Test
    void postNeedsAJsonContentType() {
        error(raw().body("{\"query\": \"{ __typename }\"}").post("/graphql"), 415, "UNSUPPORTED_MEDIA_TYPE");
        error(raw().contentType("text/plain").body("{\"query\": \"{ __typename }\"}").post("/graphql"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        error(raw().contentType("application/json; charset=iso-8859-1").body("{\"query\": \"{ __typename }\"}")
                .post("/graphql"), 415, "UNSUPPORTED_MEDIA_TYPE");
        error(raw().contentType("application/json").body("{\"query\": \"{ __typename }\"}").put("/graphql"), 405,
                "METHOD_NOT_ALLOWED");
        // GraphiQL's fetcher sets the header twice and the browser joins the values
        byte[] typename = "{\"query\": \"{ __typename }\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Response doubled = raw().contentType("application/json, application/json").body(typename).post("/graphql");
        assertEquals(200, doubled.statusCode(), doubled.asString());
        error(raw().contentType("application/json, text/plain").body(typename).post("/graphql"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void getRunsQueriesWithParametersDecodedOnce() throws Exception {
        // '+', '%' and '&' in a variable survive; SmallRye's own GET handling decoded parameters a second time
        String title = "C++ & 100% a+b";
        Response response = raw().queryParam("query", "query Echo($t: String) { analyzeArticle(input: {title: $t, "
                + "body: \"Short text.\"}) { title } }")
                .queryParam("variables", JSON.writeValueAsString(Map.of("t", title)))
                .queryParam("operationName", "Echo")
                .get("/graphql");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(title, response.jsonPath().getString("data.analyzeArticle.title"));

        Response second = raw().queryParam("query", "query A { __typename } query B { speakers { totalCount } }")
                .queryParam("operationName", "B").get("/graphql");
        assertEquals(200, second.statusCode(), second.asString());
        assertTrue(second.jsonPath().getInt("data.speakers.totalCount") > 0);

        error(raw().queryParam("query", "subscription { articleIngested { title } }").get("/graphql"), 405,
                "METHOD_NOT_ALLOWED");
        error(raw().queryParam("variables", "{}").get("/graphql"), 400, "BAD_REQUEST");
        error(raw().queryParam("query", "{ __typename }").queryParam("variables", "[1]").get("/graphql"), 400,
                "BAD_REQUEST");
    }

    @Test
    void corsAllowsTheConfiguredOriginOnly() {
        // %test.quarkus.http.cors.origins=https://frontend.example in application.properties
        Response allowed = raw().header("Origin", "https://frontend.example").contentType("application/json")
                .body("{\"query\": \"{ __typename }\"}").post("/graphql");
        assertEquals(200, allowed.statusCode());
        assertEquals("https://frontend.example", allowed.header("Access-Control-Allow-Origin"));

        Response preflight = raw().header("Origin", "https://frontend.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization").options("/graphql");
        assertEquals(200, preflight.statusCode());
        assertEquals("https://frontend.example", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").toLowerCase().contains("authorization"));

        Response other = raw().header("Origin", "https://elsewhere.example").contentType("application/json")
                .body("{\"query\": \"{ __typename }\"}").post("/graphql");
        assertNull(other.header("Access-Control-Allow-Origin"), other.headers().toString());
        assertEquals(403, other.statusCode());
    }

    @Test
    void internalErrorsShowNoStackTraceSqlOrClassNames() throws Exception {
        String answer;
        // a real database failure: the table a query needs is gone for a moment
        execute("alter table article rename to article_hidden_by_test");
        dev.quoteline.support.LogCapture log = new dev.quoteline.support.LogCapture();
        try {
            Response response = raw().contentType("application/json")
                    .body("{\"query\": \"{ articles(first: 3) { totalCount edges { node { title } } } }\"}")
                    .post("/graphql");
            answer = response.asString();
            assertEquals(200, response.statusCode(), answer);
            assertEquals("INTERNAL_SERVER_ERROR", response.jsonPath().getString("errors[0].extensions.code"), answer);
            assertEquals(List.of("articles"), response.jsonPath().getList("errors[0].path"));
        } finally {
            execute("alter table article_hidden_by_test rename to article");
            log.close();
        }
        // what the client is not shown, the server log keeps: the failed field at ERROR, with the exception itself
        List<java.util.logging.LogRecord> logged = log.records();
        assertTrue(logged.stream().anyMatch(r -> r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
                        && r.getThrown() != null && String.valueOf(r.getMessage()).contains("[articles]")),
                "no ERROR with the exception for the failed field: " + logged.stream()
                        .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList());
        // graphql-java's error classification is part of the GraphQL answer, not a Java class of ours
        String lower = answer.replace("\"classification\":\"DataFetchingException\"", "").toLowerCase();
        for (String leak : List.of("select", "article_hidden_by_test", "relation", "sql", "hibernate", "postgres",
                "exception", "java.", "dev.quoteline", "\tat ", "stack")) {
            assertFalse(lower.contains(leak), "'" + leak + "' in " + answer);
        }
        assertFalse(java.util.regex.Pattern.compile("\\b[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w+").matcher(answer).find(),
                "a qualified Java class name in " + answer);
        assertHealthy();
    }

    @Test
    void knownErrorsKeepTheirCodeAndMessage() {
        Response response = HttpChecks.postJson("{\"query\": \"{ articles(first: 1000) { totalCount } }\"}");
        assertEquals("first must be between 0 and 100 (was 1000)", response.jsonPath().getString("errors[0].message"));
        assertNull(response.jsonPath().get("errors[0].extensions.exception"), "no Java class names");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String quote(String s) throws RuntimeException {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
