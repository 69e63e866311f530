package dev.quoteline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quoteline.support.TestTokens;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading is public; every write needs an accepted bearer token and changes nothing without one. */
@io.quarkus.test.junit.QuarkusTest
class AuthApiTest {
    private static final String INGEST = "mutation($input: ArticleInput!) { ingestArticle(input: $input) { created } }";
    private static final String BODY = "Ferry timetable\nThe winter ferry timetable starts on Monday, harbour master "
            + "Ilse Varnholt said.\n";

    private static int articleCount() {
        return GraphQL.ok("{ articles { totalCount } }").getInt("data.articles.totalCount");
    }

    private static io.restassured.response.ValidatableResponse send(String authorization, String query,
                                                                   Map<String, Object> variables) {
        var request = given().contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables));
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.when().post("/graphql").then();
    }

    private static Map<String, Object> article(String marker) {
        return Map.of("input", Map.of("body", BODY + marker + "\n", "publishedAt", "2032-01-10"));
    }

    @Test
    void writesWithoutATokenAreRefusedWith401AndChangeNothing() {
        int before = articleCount();
        send(null, INGEST, article("no token " + System.nanoTime()))
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", containsString("no Authorization header"))
                .body("data", nullValue());
        assertEquals(before, articleCount());
    }

    @Test
    void aWrongTokenOrSchemeIsRefused() {
        int before = articleCount();
        send("Bearer not-the-token", INGEST, article("wrong " + System.nanoTime()))
                .statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", containsString("not accepted"))
                .body("errors[0].message", org.hamcrest.Matchers.not(containsString("not-the-token")));
        send("Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes()), INGEST,
                article("basic " + System.nanoTime()))
                .statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(before, articleCount());
    }

    @Test
    void everyCurationMutationNeedsAToken() {
        String someArticle = GraphQL.ok("{ articles(first: 1) { edges { node { id } } } }")
                .getString("data.articles.edges[0].node.id");
        String twoSpeakers = "{ speakers(first: 2) { edges { node { id } } } }";
        var speakers = GraphQL.ok(twoSpeakers).getList("data.speakers.edges.node.id", String.class);
        String statement = GraphQL.ok("{ statements(first: 1) { edges { node { id } } } }")
                .getString("data.statements.edges[0].node.id");
        for (String mutation : new String[] {
                "mutation { deleteArticle(id: \"" + someArticle + "\") { deletedArticleId } }",
                "mutation { reattributeStatement(statementId: \"" + statement + "\", speakerId: \"" + speakers.get(0)
                        + "\") { statement { id } } }",
                "mutation { mergeSpeakers(keepId: \"" + speakers.get(0) + "\", mergeId: \"" + speakers.get(1)
                        + "\") { movedStatementCount } }"}) {
            send(null, mutation, Map.of()).statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        }
        // all still there
        GraphQL.ok("query($id: ID!) { article(id: $id) { id } }", Map.of("id", someArticle));
        assertEquals(speakers, GraphQL.ok(twoSpeakers).getList("data.speakers.edges.node.id", String.class));
    }

    @Test
    void theAcceptedTokenWritesAndReadsNeedNone() {
        send(TestTokens.AUTHORIZATION, INGEST, article("accepted " + System.nanoTime()))
                .statusCode(200)
                .body("data.ingestArticle.created", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("query", "{ articles { totalCount } }"))
                .when().post("/graphql").then().statusCode(200).body("errors", nullValue());
    }

    @Test
    void tokensAreCheckedByDigestInConstantTimeAndParsedStrictly() {
        var tokens = new dev.quoteline.security.WriteTokens(java.util.Optional.of(java.util.List.of(
                TestTokens.WRITER_SHA256)));
        assertEquals(true, tokens.accepts("Bearer " + TestTokens.WRITER));
        assertEquals(true, tokens.accepts("bearer  " + TestTokens.WRITER + " "));
        assertEquals(false, tokens.accepts(TestTokens.WRITER));
        assertEquals(false, tokens.accepts("Bearer "));
        assertEquals(false, tokens.accepts(null));
        assertEquals(false, new dev.quoteline.security.WriteTokens(java.util.Optional.empty())
                .accepts("Bearer " + TestTokens.WRITER));
        IllegalStateException pasted = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new dev.quoteline.security.WriteTokens(java.util.Optional.of(java.util.List.of("my-secret"))));
        org.junit.jupiter.api.Assertions.assertFalse(pasted.getMessage().contains("my-secret"));
    }

    @Test
    void tokensNeverReachTheLogs() {
        java.util.logging.Formatter format = new java.util.logging.SimpleFormatter();
        String wrong = "wrong-token-" + System.nanoTime();
        java.util.List<String> lines;
        try (dev.quoteline.support.LogCapture log = new dev.quoteline.support.LogCapture()) {
            send("Bearer " + wrong, INGEST, article("log check " + System.nanoTime())).statusCode(401);
            send(TestTokens.AUTHORIZATION, INGEST, article("log check ok " + System.nanoTime())).statusCode(200);
            lines = log.records().stream().map(format::format).toList();
        }
        org.junit.jupiter.api.Assertions.assertFalse(lines.isEmpty(), "the refused write is logged");
        for (String line : lines) {
            org.junit.jupiter.api.Assertions.assertFalse(line.contains(wrong) || line.contains(TestTokens.WRITER), line);
        }
    }
}
