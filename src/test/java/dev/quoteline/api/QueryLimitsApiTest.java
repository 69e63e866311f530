package dev.quoteline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Operations too deep, too costly or too aliased are refused before anything runs, with the limit named. */
@QuarkusTest
class QueryLimitsApiTest {
    private static void healthy() {
        given().when().get("/q/health/ready").then().statusCode(200);
        GraphQL.ok("{ speakers(first: 1) { totalCount } }");
    }

    @Test
    void aQueryTwoHundredLevelsDeepIsRefused() {
        StringBuilder q = new StringBuilder("{ speakers(first: 1) { edges { node { ");
        int depth = 3;
        int open = 3;
        while (depth < 200) {
            q.append("statements(first: 1) { edges { node { speaker { ");
            depth += 4;
            open += 4;
        }
        q.append("name").append(" }".repeat(open)).append(" }");
        JsonPath json = GraphQL.post(q.toString());
        assertEquals("QUERY_TOO_DEEP", json.getString("errors[0].extensions.code"), json.prettify());
        assertTrue(json.getString("errors[0].message").contains("quoteline.graphql.max-depth"));
        assertEquals(12, json.getInt("errors[0].extensions.limit"));
        healthy();
    }

    @Test
    void hundredSpeakersTimesHundredStatementsTimesHundredCoSpeakersIsRefused() {
        JsonPath json = GraphQL.post("""
                { speakers(first: 100) { edges { node { name
                    statements(first: 100) { edges { node { text speaker { coSpeakers(first: 100) { speaker { name } } } } } } } } } }""");
        assertEquals("QUERY_TOO_COSTLY", json.getString("errors[0].extensions.code"), json.prettify());
        assertTrue(json.getString("errors[0].message").contains("quoteline.graphql.max-cost"));
        assertTrue(json.getLong("errors[0].extensions.measured") > 1_000_000L);
        assertTrue(json.get("data") == null || json.get("data.speakers") == null);
        healthy();
    }

    @Test
    void aThousandAliasesAreRefused() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) {
            q.append(" a").append(i).append(": articles(first: 1) { totalCount }");
        }
        JsonPath json = GraphQL.post(q.append(" }").toString());
        assertEquals("TOO_MANY_ALIASES", json.getString("errors[0].extensions.code"), json.prettify());
        assertEquals(1000, json.getInt("errors[0].extensions.measured"));
        StringBuilder cheap = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) {
            cheap.append(" t").append(i).append(": __typename");
        }
        assertEquals("TOO_MANY_ALIASES", GraphQL.post(cheap.append(" }").toString())
                .getString("errors[0].extensions.code"), "even fields that cost nothing count as aliases");
        healthy();
    }

    @Test
    void fragmentsAndVariablesCountLikeInlineSelections() {
        JsonPath json = GraphQL.post("""
                query($n: Int) { speakers(first: $n) { edges { node { ...S } } } }
                fragment S on Speaker { statements(first: 100) { edges { node { speaker { coSpeakers(first: 100) { speaker { name } } } } } } }""",
                Map.of("n", 100));
        assertEquals("QUERY_TOO_COSTLY", json.getString("errors[0].extensions.code"), json.prettify());
    }

    @Test
    void theSameDocumentIsMeasuredAgainForEachPageSizeAndDirectiveVariable() {
        // measures are remembered per document; the variables that change them must still count on every request
        String query = """
                query($n: Int, $deep: Boolean!, $who: String) { speakers(first: $n, search: $who) { edges { node {
                    statements(first: 100) { edges { node { text
                        speaker @include(if: $deep) { coSpeakers(first: 100) { speaker { name } } } } } } } } } }""";
        assertTrue(GraphQL.post(query, Map.of("n", 10, "deep", false, "who", "a")).get("errors") == null,
                "ten speakers without co-speakers: allowed");
        assertEquals("QUERY_TOO_COSTLY", GraphQL.post(query, Map.of("n", 100, "deep", false, "who", "a"))
                .getString("errors[0].extensions.code"), "a larger page of the same document");
        assertEquals("QUERY_TOO_COSTLY", GraphQL.post(query, Map.of("n", 10, "deep", true, "who", "a"))
                .getString("errors[0].extensions.code"), "the same page size with the co-speakers included");
        assertTrue(GraphQL.post(query, Map.of("n", 10, "deep", false, "who", "b")).get("errors") == null,
                "another search, the first page size and no co-speakers: allowed again");
        healthy();
    }

    @Test
    void aFullPageWithNestedDetailAndGraphiqlIntrospectionPass() {
        GraphQL.ok("""
                { timeline(first: 100) { totalCount edges { cursor node { __typename
                    ... on Statement { id text speaker { name roles { label } aliases } article { title publisher } occasion { title } }
                    ... on Event { id title participants { name } articles { title } } } } } }""");
        // the introspection query GraphiQL sends nests ofType deeper than the depth limit; it must still work
        String typeRef = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name "
                + "ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }";
        GraphQL.ok("{ __schema { types { name fields(includeDeprecated: true) { name args { name type { " + typeRef
                + " } } type { " + typeRef + " } } } } }");
    }

    @Test
    void refusedOperationsAreCountedAsRejectedNotAsSuccess() {
        GraphQL.post("query CostlyProbe { speakers(first: 100) { edges { node { statements(first: 100) { edges { node {"
                + " speaker { coSpeakers(first: 100) { sharedArticleCount } } } } } } } } }");
        GraphQL.post("query UnknownFieldProbe { noSuchField }");
        GraphQL.ok("query FineProbe { articles(first: 1) { totalCount } }");
        // a resolver that fails (a malformed global ID) makes the request an error, not a success
        GraphQL.post("query FailingFieldProbe { node(id: \"not-a-global-id\") { id } }");
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String[] expected : new String[][] {{"CostlyProbe", "rejected"}, {"UnknownFieldProbe", "rejected"},
                {"FineProbe", "success"}, {"FailingFieldProbe", "error"}}) {
            // every outcome of an operation has a series from its first request on: the expected one counts it
            for (String outcome : new String[] {"success", "error", "rejected", "cancelled"}) {
                assertEquals(outcome.equals(expected[1]) ? 1.0 : 0.0, count(metrics, expected[0], outcome),
                        expected[0] + " should be counted once, as " + expected[1] + ", and counted " + outcome + ": "
                        + metrics.lines().filter(l -> l.contains(expected[0])).limit(8).toList());
            }
        }
    }

    private static double count(String metrics, String operation, String outcome) {
        return metrics.lines().filter(l -> l.startsWith("quoteline_graphql_requests_seconds_count{")
                && l.contains("operation=\"" + operation + "\"") && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
