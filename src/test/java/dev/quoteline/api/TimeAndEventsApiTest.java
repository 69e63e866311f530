package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dates, time order and events over the API, on the seeds and on articles ingested here. */
@QuarkusTest
class TimeAndEventsApiTest {
    private static final String INGEST = "mutation($input: ArticleInput!) { ingestArticle(input: $input) { created article { id } } }";

    @Test
    void speakerTimelineRunsAcrossBothSeedsWithTheirOccasions() {
        JsonPath json = GraphQL.ok("""
                { speaker(name: "Jens Stoltenberg") { timeline(first: 100) { edges { node {
                    __typename when { start end precision }
                    ... on Event { title kind }
                    ... on Statement { occasion { title } } } } } } }""");
        List<String> starts = json.getList("data.speaker.timeline.edges.node.when.start", String.class);
        assertEquals("2022-04-05", starts.get(0));
        assertEquals("2023-03-08", starts.get(starts.size() - 1));
        assertEquals(starts.stream().sorted().toList(), starts);
        List<String> titles = json.getList("data.speaker.timeline.edges.findAll { it.node.__typename == 'Event' }.node.title",
                String.class);
        assertTrue(titles.stream().anyMatch(t -> t.toLowerCase().contains("news conference")), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.toLowerCase().contains("defense ministers")), titles.toString());
        List<Object> occasions = json.getList("data.speaker.timeline.edges.findAll { it.node.__typename == 'Statement' }.node.occasion");
        assertTrue(occasions.stream().anyMatch(o -> o != null), "statements point to their occasion");
    }

    @Test
    void marchTimelineEndsWithTheExpectedExpiry() {
        JsonPath json = GraphQL.ok("""
                { timeline(first: 100, filter: {from: "2023-03-01", to: "2023-03-31"}) { edges { node {
                    __typename when { start end precision value }
                    ... on Event { title status } } } } }""");
        List<Map<String, Object>> nodes = json.getList("data.timeline.edges.node");
        assertTrue(nodes.stream().anyMatch(n -> "Statement".equals(n.get("__typename"))));
        assertTrue(nodes.stream().anyMatch(n -> "Event".equals(n.get("__typename"))));
        Map<String, Object> last = nodes.get(nodes.size() - 1);
        assertEquals("Event", last.get("__typename"));
        assertEquals("EXPECTED", last.get("status"));
        assertEquals("2023-03-18", ((Map<?, ?>) last.get("when")).get("start"));
    }

    @Test
    void dateFiltersMatchByOverlap() {
        // the "this week" events of the second seed run 6-12 March 2023: a filter from 10 March still holds them
        JsonPath json = GraphQL.ok("""
                { timeline(first: 100, filter: {from: "2023-03-10", to: "2023-03-20", kinds: [EVENT]}) { edges { node {
                    when { start end precision } } } } }""");
        List<String> precisions = json.getList("data.timeline.edges.node.when.precision", String.class);
        List<String> starts = json.getList("data.timeline.edges.node.when.start", String.class);
        assertTrue(precisions.contains("WEEK"), precisions.toString());
        assertTrue(starts.contains("2023-03-06"), starts.toString());
        assertTrue(starts.contains("2023-03-18"), starts.toString());
        assertFalse(starts.contains("2023-03-07"), "a day before the window is outside it: " + starts);
        // narrower precision first at the same start: the DAY statements of 8 March come before the DAYS window
        JsonPath day = GraphQL.ok("""
                { timeline(first: 100, filter: {from: "2023-03-08", to: "2023-03-08"}) { edges { node { when { precision } } } } }""");
        List<String> order = day.getList("data.timeline.edges.node.when.precision", String.class);
        assertTrue(order.lastIndexOf("DAY") < order.indexOf("DAYS") || !order.contains("DAYS"), order.toString());
    }

    @Test
    void undatedArticlesAreLeftOutUnlessAskedAndThenComeLast() {
        String marker = "Quarrying" + System.nanoTime();
        Map<String, Object> input = new HashMap<>();
        input.put("body", "Quarry plan debated\nThe quarry will close for good, company spokesman Peter Vance said. "
                + marker + " was the word.\n");
        JsonPath ingested = GraphQL.ok(INGEST, Map.of("input", input));
        String articleId = ingested.getString("data.ingestArticle.article.id");
        JsonPath article = GraphQL.ok("query($id: ID!) { article(id: $id) { undated publishedOn statements { saidOn { value } } } }",
                Map.of("id", articleId));
        assertTrue(article.getBoolean("data.article.undated"));
        assertTrue(article.getList("data.article.statements.saidOn").stream().allMatch(s -> s == null),
                "statements of an undated article are undated, never given the ingest day");
        String page = "query($f: TimelineFilter) { timeline(first: 100, filter: $f) { edges { node { id when { start } } } } }";
        assertTrue(GraphQL.ok(page, Map.of("f", Map.of("articleId", articleId))).getList("data.timeline.edges").isEmpty());
        JsonPath withUndated = GraphQL.ok(page, Map.of("f", Map.of("includeUndated", true)));
        List<Map<String, Object>> edges = withUndated.getList("data.timeline.edges");
        assertEquals(null, ((Map<?, ?>) edges.get(edges.size() - 1).get("node")).get("when"), "undated entries come last");
    }

    @Test
    void twoArticlesReportingOneEventShareIt() {
        String town = "Verlanport";
        String first = "Ministers gather\nEnergy ministers of the Nordic Council will meet in " + town
                + " on Thursday to discuss grid links, the council's secretary Hanne Olsen said.\n";
        String second = "Grid talks ahead\nThe Nordic Council's energy ministers will meet on Thursday in " + town
                + " for talks on grid links, officials said. The meeting was planned months ago.\n";
        JsonPath a = GraphQL.ok(INGEST, Map.of("input", Map.of("body", first, "publishedAt", "2031-05-05")));
        JsonPath b = GraphQL.ok(INGEST, Map.of("input", Map.of("body", second, "publishedAt", "2031-05-06")));
        JsonPath events = GraphQL.ok("""
                { events(first: 100, filter: {from: "2031-05-08", to: "2031-05-08"}) { edges { node { title when { start } articles { id } } } } }""");
        List<Map<String, Object>> nodes = events.getList("data.events.edges.node");
        assertEquals(1, nodes.size(), "one event for both reports: " + nodes);
        List<String> articleIds = events.getList("data.events.edges[0].node.articles.id", String.class);
        assertTrue(articleIds.contains(a.getString("data.ingestArticle.article.id")));
        assertTrue(articleIds.contains(b.getString("data.ingestArticle.article.id")));
    }
}
