package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PostgreSQL full-text search: English stemming, web-search syntax, relevance order, highlighted snippets. */
@QuarkusTest
class SearchApiTest {
    private static final String STATEMENTS = """
            query($q: String, $order: EntryOrder) { statements(first: 100, filter: {search: $q}, orderBy: $order) {
              totalCount edges { cursor node { text snippet } } } }""";

    private static List<String> texts(String search) {
        return GraphQL.ok(STATEMENTS, Map.of("q", search)).getList("data.statements.edges.node.text", String.class);
    }

    @Test
    void wordsPhrasesStemsAndOperators() {
        List<String> grain = texts("grain initiative");
        assertEquals(1, grain.size(), grain.toString());
        assertTrue(grain.get(0).contains("Black Sea Grain Initiative"));

        List<String> atrocity = texts("atrocity");
        assertFalse(atrocity.isEmpty());
        assertTrue(atrocity.stream().allMatch(t -> t.toLowerCase().contains("atrocities")), atrocity.toString());

        List<String> phrase = texts("\"land bridge\"");
        assertEquals(1, phrase.size(), phrase.toString());
        assertTrue(phrase.get(0).contains("land bridge"));
        assertTrue(texts("\"bridge land\"").isEmpty(), "a phrase keeps its word order");

        List<String> either = texts("grain or atrocities");
        assertEquals(grain.size() + atrocity.size(), either.size());
        List<String> without = texts("atrocities -graves");
        assertTrue(without.size() < atrocity.size());
        assertTrue(without.stream().noneMatch(t -> t.contains("graves")));
    }

    @Test
    void hitsCarryHighlightedSnippetsAndComeBestFirst() {
        JsonPath json = GraphQL.ok(STATEMENTS, Map.of("q", "atrocities"));
        List<String> snippets = json.getList("data.statements.edges.node.snippet", String.class);
        assertTrue(snippets.stream().allMatch(s -> s.contains("<mark>atrocities</mark>")), snippets.toString());
        // relevance by default with a search: the one statement matching both words ranks first
        JsonPath either = GraphQL.ok(STATEMENTS, Map.of("q", "atrocities or graves"));
        String best = either.getString("data.statements.edges[0].node.text");
        assertTrue(best.contains("atrocities") && best.contains("graves"), best);
        assertTrue(either.getInt("data.statements.totalCount") >= 3);
        JsonPath byTime = GraphQL.ok(STATEMENTS, Map.of("q", "atrocities", "order", "TIME"));
        assertEquals(json.getInt("data.statements.totalCount"), byTime.getInt("data.statements.totalCount"));
        assertTrue(GraphQL.ok("{ statements(first: 1) { edges { node { snippet } } } }")
                .getList("data.statements.edges.node.snippet").stream().allMatch(s -> s == null), "no search, no snippet");
        assertTrue(GraphQL.error("{ statements(orderBy: RELEVANCE) { totalCount } }").contains("needs filter.search"));
    }

    @Test
    void relevancePagesFollowCursorsBothWaysOnTheTimeline() {
        String page = """
                query($f: TimelineFilter, $first: Int, $after: String, $last: Int, $before: String) {
                  timeline(filter: $f, first: $first, after: $after, last: $last, before: $before) {
                    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } }""";
        Map<String, Object> filter = Map.of("search", "russia or ukraine or support");
        JsonPath all = GraphQL.ok(page, Map.of("f", filter, "first", 100));
        List<String> expected = all.getList("data.timeline.edges.node.id", String.class);
        assertTrue(expected.size() > 4, expected.toString());
        List<String> seen = new ArrayList<>();
        String after = null;
        while (true) {
            JsonPath p = GraphQL.ok(page, after == null ? Map.of("f", filter, "first", 3) : Map.of("f", filter, "first", 3, "after", after));
            seen.addAll(p.getList("data.timeline.edges.node.id", String.class));
            if (!p.getBoolean("data.timeline.pageInfo.hasNextPage")) break;
            after = p.getString("data.timeline.pageInfo.endCursor");
        }
        assertEquals(expected, seen);
        JsonPath last = GraphQL.ok(page, Map.of("f", filter, "last", 2));
        assertEquals(expected.subList(expected.size() - 2, expected.size()), last.getList("data.timeline.edges.node.id", String.class));
        String timeCursor = GraphQL.ok("{ timeline(first: 1) { edges { cursor } } }").getString("data.timeline.edges[0].cursor");
        assertTrue(GraphQL.error(page, Map.of("f", filter, "first", 2, "after", timeCursor)).contains("not of this"));
    }
}
