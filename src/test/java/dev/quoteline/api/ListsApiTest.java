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

@QuarkusTest
class ListsApiTest {
    @Test
    void articlesNewestFirstWithTheirStatementsAndEvents() {
        JsonPath json = GraphQL.ok("""
                { articles(first: 100) { totalCount edges { cursor node { id title publisher section publishedOn publishedAt
                    contentHash body statements { text start end } events { title } } } } }""");
        List<Map<String, Object>> nodes = json.getList("data.articles.edges.node");
        assertTrue(nodes.size() >= 2);
        List<String> days = json.getList("data.articles.edges.node.publishedOn", String.class);
        List<String> dated = days.stream().filter(d -> d != null).toList();
        assertEquals(dated.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dated, "newest first");
        JsonPath first = GraphQL.ok("{ articles(first: 1) { pageInfo { hasNextPage endCursor } edges { node { id } } } }");
        assertTrue(first.getBoolean("data.articles.pageInfo.hasNextPage"));
        JsonPath rest = GraphQL.ok("query($a: String) { articles(first: 100, after: $a) { edges { node { id } } } }",
                Map.of("a", first.getString("data.articles.pageInfo.endCursor")));
        List<String> ids = new ArrayList<>(first.getList("data.articles.edges.node.id", String.class));
        ids.addAll(rest.getList("data.articles.edges.node.id", String.class));
        assertEquals(json.getList("data.articles.edges.node.id", String.class), ids);

        for (Map<String, Object> article : nodes) {
            String body = (String) article.get("body");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> statements = (List<Map<String, Object>>) article.get("statements");
            for (Map<String, Object> s : statements) {
                assertEquals(s.get("text"), body.substring((Integer) s.get("start"), (Integer) s.get("end")));
            }
            JsonPath one = GraphQL.ok("query($id: ID!) { article(id: $id) { title } }", Map.of("id", article.get("id")));
            assertEquals(article.get("title"), one.getString("data.article.title"));
        }
        JsonPath seed2 = GraphQL.ok("{ articles(first: 100) { edges { node { title publishedAt } } } }");
        assertTrue(seed2.getList("data.articles.edges.node.publishedAt", String.class).contains("2023-03-08T22:31+05:30"),
                "the messy header's time and zone are kept");
    }

    @Test
    void statementsFilteredByKindSpeakerAndSearch() {
        JsonPath all = GraphQL.ok("{ statements(first: 100) { totalCount edges { node { kind speaker { name } saidOn { start } } } } }");
        int total = all.getInt("data.statements.totalCount");
        assertTrue(total >= 20, "seed statements: " + total);
        JsonPath direct = GraphQL.ok("{ statements(first: 100, filter: {kinds: [DIRECT]}) { totalCount edges { node { kind } } } }");
        assertTrue(direct.getList("data.statements.edges.node.kind", String.class).stream().allMatch("DIRECT"::equals));
        assertTrue(direct.getInt("data.statements.totalCount") < total);
        JsonPath guterres = GraphQL.ok("{ statements(filter: {speakerName: \"Guterres\"}) { edges { node { text speaker { name } } } } }");
        assertEquals(List.of("Antonio Guterres"), guterres.getList("data.statements.edges.node.speaker.name", String.class));
        JsonPath grain = GraphQL.ok("{ statements(filter: {search: \"grain initiative\"}) { edges { node { text } } } }");
        assertTrue(grain.getString("data.statements.edges[0].node.text").contains("Black Sea Grain Initiative"));
    }

    @Test
    void eventsListedFilteredAndFetchedById() {
        JsonPath json = GraphQL.ok("""
                { events(first: 100) { totalCount edges { node { id title kind status when { start end precision value }
                    sentence places participantNames participants { name } articles { title } } } } }""");
        List<Map<String, Object>> events = json.getList("data.events.edges.node");
        assertFalse(events.isEmpty(), "the seeds report dated events");
        List<String> starts = json.getList("data.events.edges.node.when.start", String.class);
        assertEquals(starts.stream().sorted().toList(), starts);
        String id = (String) events.get(0).get("id");
        assertEquals(events.get(0).get("title"), GraphQL.ok("query($id: ID!) { event(id: $id) { title } }", Map.of("id", id))
                .getString("data.event.title"));
        JsonPath reports = GraphQL.ok("{ events(first: 100) { edges { node { reports { sentence { text start end } article { body } } } } } }");
        List<Map<String, Object>> all = reports.getList("data.events.edges.node.reports.flatten()");
        assertFalse(all.isEmpty());
        for (Map<String, Object> report : all) {
            Map<?, ?> sentence = (Map<?, ?>) report.get("sentence");
            String body = (String) ((Map<?, ?>) report.get("article")).get("body");
            assertEquals(sentence.get("text"), body.substring((Integer) sentence.get("start"), (Integer) sentence.get("end")));
        }
        JsonPath expected = GraphQL.ok("{ events(filter: {statuses: [EXPECTED]}) { edges { node { status } } } }");
        assertTrue(expected.getList("data.events.edges.node.status", String.class).stream().allMatch("EXPECTED"::equals));
        JsonPath march = GraphQL.ok("{ events(first: 100, filter: {from: \"2023-03-01\", to: \"2023-03-31\"}) { edges { node { when { start } } } } }");
        assertTrue(march.getList("data.events.edges.node.when.start", String.class).stream().allMatch(s -> s.startsWith("2023-0")));
    }
}
