package dev.quoteline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arguments that parse as GraphQL but make no sense: each answered with an error that names the argument and the
 * problem, nothing stored, and the service still healthy. (HTTP-level bad input: HttpBadInputTest.)
 */
@QuarkusTest
class BadArgumentsApiTest {
    private static final String INGEST = "mutation($input: ArticleInput!) { ingestArticle(input: $input) { created } }";
    private static final String COUNTS = """
            { articles { totalCount } speakers { totalCount } events { totalCount }
              statements(filter: {includeUndated: true}) { totalCount } }""";

    private static String counts() {
        return GraphQL.ok(COUNTS).prettify();
    }

    private static void healthyAndUnchanged(String before) {
        given().when().get("/q/health/ready").then().statusCode(200);
        assertEquals(before, counts(), "nothing may be stored by a refused request");
    }

    private static JsonPath refusedIngest(String body, String publishedAt) {
        Map<String, Object> input = new HashMap<>();
        input.put("body", body);
        if (publishedAt != null) input.put("publishedAt", publishedAt);
        JsonPath json = GraphQL.post(INGEST, Map.of("input", input));
        assertEquals("BAD_USER_INPUT", json.getString("errors[0].extensions.code"), json.prettify());
        return json;
    }

    private static final String GOOD_BODY = "Lighthouse\nThe lighthouse will be repainted in June, keeper Aldo Fenwick said.\n";

    @Test
    void impossibleAndOutOfRangePublicationDates() {
        String before = counts();
        for (String date : new String[] {"2023-02-30", "99999-01-01", "+99999-01-01", "2023-13-01", "yesterday",
                "2023-03-08T25:00:00Z"}) {
            String message = refusedIngest(GOOD_BODY + date + "\n", date).getString("errors[0].message");
            assertTrue(message.contains("publishedAt") && message.contains(date), message);
        }
        healthyAndUnchanged(before);
    }

    @Test
    void binaryAndBrokenTextBodies() {
        String before = counts();
        String nul = refusedIngest("Header\nSome text\u0000with a NUL byte.\n", null).getString("errors[0].message");
        assertTrue(nul.contains("body") && nul.contains("binary"), nul);
        // what a decoder makes of invalid UTF-8: replacement characters
        String broken = new String(new byte[] {'T', 'e', 'x', 't', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, '\n'},
                StandardCharsets.UTF_8);
        String invalid = refusedIngest(broken, null).getString("errors[0].message");
        assertTrue(invalid.contains("body") && invalid.contains("UTF-8"), invalid);
        assertTrue(refusedIngest("   \n\t ", null).getString("errors[0].message").contains("whitespace"));
        healthyAndUnchanged(before);
    }

    @Test
    void forgedAndMistypedGlobalIds() {
        String before = counts();
        String encoder = Base64.getUrlEncoder().withoutPadding().encodeToString("Speaker:abc".getBytes());
        String unknownType = Base64.getUrlEncoder().withoutPadding().encodeToString("User:1".getBytes());
        String negative = Base64.getUrlEncoder().withoutPadding().encodeToString("Speaker:-5".getBytes());
        for (String forged : new String[] {"not base64 at all!", encoder, unknownType, negative, "", "U3BlYWtlcjox="}) {
            JsonPath json = GraphQL.post("query($id: ID!) { node(id: $id) { id } }", Map.of("id", forged));
            String code = json.getString("errors[0].extensions.code");
            assertTrue("BAD_USER_INPUT".equals(code) || "NOT_FOUND".equals(code), json.prettify());
            assertTrue(json.getString("errors[0].message").contains("id"), json.prettify());
        }
        String statementId = GraphQL.ok("{ statements(first: 1) { edges { node { id } } } }")
                .getString("data.statements.edges[0].node.id");
        JsonPath wrongType = GraphQL.post("query($id: ID!) { speaker(id: $id) { name } }", Map.of("id", statementId));
        assertTrue(wrongType.getString("errors[0].message").contains("ID of a Statement"), wrongType.prettify());
        JsonPath mutation = GraphQL.post("mutation($id: ID!) { deleteArticle(id: $id) { deletedArticleId } }",
                Map.of("id", statementId));
        assertEquals("BAD_USER_INPUT", mutation.getString("errors[0].extensions.code"));
        healthyAndUnchanged(before);
    }

    @Test
    void cursorsFromAnotherConnectionOrTamperedWith() {
        String speakerCursor = GraphQL.ok("{ speakers(first: 1) { edges { cursor } } }")
                .getString("data.speakers.edges[0].cursor");
        String articleCursor = GraphQL.ok("{ articles(first: 1) { edges { cursor } } }")
                .getString("data.articles.edges[0].cursor");
        String timeline = "query($a: String) { timeline(first: 2, after: $a) { edges { cursor } } }";
        String articles = "query($a: String) { articles(first: 2, after: $a) { edges { cursor } } }";
        assertTrue(GraphQL.error(timeline, Map.of("a", speakerCursor)).contains("Speaker"));
        assertTrue(GraphQL.error(articles, Map.of("a", speakerCursor)).contains("after"));
        assertFalse(GraphQL.post(timeline, Map.of("a", articleCursor)).getList("errors").isEmpty());
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString("Timeline|x|y|z".getBytes());
        assertEquals("BAD_USER_INPUT", GraphQL.post(timeline, Map.of("a", tampered)).getString("errors[0].extensions.code"));
        assertEquals("BAD_USER_INPUT", GraphQL.post(timeline, Map.of("a", "%%%")).getString("errors[0].extensions.code"));
    }

    @Test
    void pageSizesOutsideOneToHundred() {
        for (int size : new int[] {101, -1, 100000}) {
            JsonPath json = GraphQL.post("query($n: Int) { timeline(first: $n) { totalCount } }", Map.of("n", size));
            assertEquals("BAD_USER_INPUT", json.getString("errors[0].extensions.code"), json.prettify());
            assertTrue(json.getString("errors[0].message").contains("first"), json.prettify());
        }
        GraphQL.ok("{ timeline(first: 100) { totalCount } }");
    }
}
