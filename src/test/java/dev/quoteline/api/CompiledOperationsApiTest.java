package dev.quoteline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A compiled plan answers exactly as SmallRye's execution does, or leaves the request to it: every request below is
 * sent with plans on and then off, on the same server and data, and the two answers must agree byte for byte (status,
 * media type, body). Each case also says whether a plan should have answered it.
 */
@QuarkusTest
class CompiledOperationsApiTest {
    private static final String ENTRY = """
            __typename ... on Statement { id text kind when { value precision } cue { text }
              speakerMention { text } sentence { text }
              speaker { id name kind roles { label title organization } }
              article { id title publisher section url publishedAt undated contentHash } }
            ... on Event { id title eventKind: kind status eventWhen: when { value precision } eventSentence: sentence
              places participantNames }""";
    private static final String NEWEST = "query Newest { timeline(last: 50) { edges { cursor node { " + ENTRY
            + " } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
    private static final String SPEAKER_PAGE = """
            query SpeakerPage($speaker: ID!, $after: String, $size: Int) {
              timeline(first: $size, after: $after, filter: {speakerIds: [$speaker]}) {
                totalCount edges { cursor node { __typename ... on Statement { id text speaker { name roles { label } } article { title publisher } }
                  ... on Event { id title } } }
                pageInfo { hasNextPage endCursor } } }""";

    @Inject
    CompiledOperations operations;

    @org.junit.jupiter.api.BeforeEach
    void executeOnce() {
        // SmallRye builds its executable schema on the first request, which plans therefore never take
        GraphQL.ok("{ __typename }");
    }

    @AfterEach
    void switchBackOn() {
        operations.switchedOn = true;
    }

    private record Answer(int status, String contentType, byte[] body) {
    }

    private static Answer send(String accept, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        Response response = given().contentType("application/json").accept(accept).body(body).when().post("/graphql");
        return new Answer(response.statusCode(), response.contentType(), response.body().asByteArray());
    }

    /** Sends the request with plans on, then off; asserts the same answer and returns it. */
    private Answer both(String query, Map<String, Object> variables, boolean planned) {
        List<Answer> answers = new ArrayList<>();
        for (String accept : List.of("application/graphql-response+json", "application/json")) {
            operations.switchedOn = true;
            long before = operations.answered();
            Answer on = send(accept, query, variables);
            assertEquals(planned ? before + 1 : before, operations.answered(),
                    (planned ? "a plan should answer " : "SmallRye should answer ") + query + " " + variables);
            operations.switchedOn = false;
            Answer off = send(accept, query, variables);
            assertEquals(off.status, on.status, query);
            assertEquals(off.contentType, on.contentType, query);
            assertArrayEquals(off.body, on.body, () -> "plan: " + new String(on.body) + "\nSmallRye: " + new String(off.body));
            answers.add(on);
        }
        return answers.get(0);
    }

    @Test
    void timelinePagesAreAnsweredByPlansAsSmallRyeAnswersThem() {
        Answer newest = both(NEWEST, null, true);
        assertTrue(new String(newest.body).contains("\"__typename\":\"Statement\""), new String(newest.body));
        both("{ timeline(first: 7) { totalCount nodes: edges { at: cursor entry: node { kind: __typename "
                + "... on Statement { id said: text } ... fields } } pageInfo { startCursor } } } "
                + "fragment fields on Event { id title eventWhen: when { value } }", null, true);
        both("query A { timeline(first: 2) { totalCount } } query B { timeline(last: 3) { edges { cursor } } }",
                Map.of(), false); // two operations and no name: SmallRye's error
        // the same document with an operation name: a plan for operation B alone, as SmallRye would run it
        long before = operations.answered();
        Response named = given().contentType("application/json").accept("application/json")
                .body(Map.of("query", "query A { timeline(first: 2) { totalCount } } "
                        + "query B { timeline(last: 3) { edges { cursor } } }", "operationName", "B"))
                .when().post("/graphql");
        assertEquals(before + 1, operations.answered(), "a plan answers the named operation");
        operations.switchedOn = false;
        Response namedOff = given().contentType("application/json").accept("application/json")
                .body(Map.of("query", "query A { timeline(first: 2) { totalCount } } "
                        + "query B { timeline(last: 3) { edges { cursor } } }", "operationName", "B"))
                .when().post("/graphql");
        operations.switchedOn = true;
        assertEquals(namedOff.body().asString(), named.body().asString());
        assertEquals(3, named.jsonPath().getList("data.timeline.edges").size());
        both("{ timeline(first: 3, orderBy: TIME, filter: {kinds: [STATEMENT], includeUndated: true}) { edges { node { "
                + ENTRY + " } } } }", null, true);
        both("{ timeline(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }", null, true);
    }

    @Test
    void aSpeakersPagesFollowTheirCursorsThroughPlans() {
        Answer first = both(SPEAKER_PAGE, Map.of("speaker", speakerId(), "size", 3), true);
        String cursor = io.restassured.path.json.JsonPath.from(new String(first.body))
                .getString("data.timeline.pageInfo.endCursor");
        assertNotNull(cursor);
        Map<String, Object> next = new HashMap<>(Map.of("speaker", speakerId(), "size", 3, "after", cursor));
        both(SPEAKER_PAGE, next, true);
        next.put("after", null);
        both(SPEAKER_PAGE, next, true);
    }

    @Test
    void whatAPlanDoesNotHandleIsLeftToSmallRyeWithItsErrors() {
        both("{ timeline(first: 101) { totalCount } }", null, false);
        both("{ timeline(first: -1) { totalCount } }", null, false);
        both("{ timeline(first: 2, after: \"not a cursor\") { totalCount } }", null, false);
        both(SPEAKER_PAGE, Map.of("speaker", "nope", "size", 3), false);
        both(SPEAKER_PAGE, Map.of("speaker", speakerId(), "size", "three"), false);
        both(SPEAKER_PAGE, Map.of("size", 3), false);
        both("{ timeline(first: 2, filter: {from: \"2023-01-01\", to: \"2023-12-31\"}) { edges { node { " + ENTRY
                + " } } } }", null, false); // dates: SmallRye converts them
        both("query($all: Boolean!) { timeline(first: 2) { totalCount edges @include(if: $all) { cursor } } }",
                Map.of("all", false), false);
        both("{ timeline(first: 2) { edges { node { ... on Statement { speaker { timeline(first: 1) { totalCount } } } } } } }",
                null, false);
        both("{ timeline(first: 2) { totalCount } speakers(first: 1) { totalCount } }", null, false);
        both("{ timeline(first: 2) { noSuchField } }", null, false);
        both("{ timeline(first: 3) { edges { node { ... on Statement { id start end } } } } }", null, false); // dates SmallRye formats
        both("{ timeline(first: 3) { edges { node { ... on Statement { id cue { start end } paragraphIndex speaker { roles { statedOn } }"
                + " article { publishedOn ingestedAt } } } } } }",
                null, false); // numbers SmallRye converts from Java's int
        both("{ statements(first: 2) { totalCount } }", null, false);
        both("{ timeline(first: 2, filter: {search: \"said\"}) { edges { node { ... on Statement { id text } } } } }",
                null, true);
    }

    @Test
    void overTheQueryLimitsIsRefusedAsBefore() {
        // 100 entries of a node with 260 fields' worth of selection: over quoteline.graphql.max-cost
        StringBuilder wide = new StringBuilder("{ timeline(first: 100) { edges { node { ... on Statement { ");
        for (int i = 0; i < 90; i++) {
            wide.append("a").append(i).append(": speaker { roles { label } } ");
        }
        wide.append("} } } } }");
        Answer refused = both(wide.toString(), null, false);
        assertTrue(new String(refused.body).contains("QUERY_TOO_COSTLY"), new String(refused.body));
    }

    @Test
    void aPlannedAnswerIsLoggedAndCountedLikeAnyOther() {
        double before = requests("CountedPage");
        both("query CountedPage { timeline(first: 1) { totalCount } }", null, true);
        // each of the two media types once on and once off
        assertEquals(before + 4, requests("CountedPage"));
    }

    @Test
    void getRequestsTakeTheSamePlans() {
        long before = operations.answered();
        Response get = given().accept("application/json").queryParam("query", "{ timeline(first: 2) { totalCount } }")
                .when().get("/graphql");
        assertEquals(before + 1, operations.answered());
        operations.switchedOn = false;
        Response off = given().accept("application/json").queryParam("query", "{ timeline(first: 2) { totalCount } }")
                .when().get("/graphql");
        assertEquals(off.statusCode(), get.statusCode());
        assertEquals(off.contentType(), get.contentType());
        assertEquals(off.body().asString(), get.body().asString());
    }

    @Test
    void plansAreNotMadeForMutationsOrSubscriptionsOrIntrospection() {
        both("{ __schema { queryType { name } } }", null, false);
        both("{ __typename }", null, false);
        long before = operations.answered();
        Response mutation = given().contentType("application/json")
                .body(Map.of("query", "mutation { ingestArticle(input: {body: \"\"}) { created } }")).post("/graphql");
        assertEquals(before, operations.answered());
        assertNull(mutation.jsonPath().get("data.ingestArticle"));
        assertFalse(mutation.jsonPath().getList("errors").isEmpty());
    }

    private static String speakerId() {
        return GraphQL.ok("{ speakers(first: 1) { edges { node { id } } } }").getString("data.speakers.edges[0].node.id");
    }

    private static double requests(String operation) {
        String metrics = given().when().get("/q/metrics").body().asString();
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("quoteline_graphql_requests_seconds_count{") && line.contains("operation=\"" + operation + "\"")
                    && line.contains("outcome=\"success\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
