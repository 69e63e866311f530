package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SpeakerApiTest {
    @Test
    void oneSpeakerAcrossBothSeedArticles() {
        JsonPath json = GraphQL.ok("""
                { speaker(name: "Jens Stoltenberg") {
                    id name kind aliases roles { label statedOn } statementCount firstStatedOn lastStatedOn
                    articles(first: 10) { totalCount }
                    statements(first: 100) { totalCount edges { node { text saidOn { start } } } }
                    timeline(first: 100) { edges { node { __typename when { start } } } }
                    coSpeakers(first: 5) { speaker { name } sharedArticleCount } } }""");
        assertEquals("Jens Stoltenberg", json.getString("data.speaker.name"));
        assertEquals("PERSON", json.getString("data.speaker.kind"));
        assertEquals(2, json.getInt("data.speaker.articles.totalCount"));
        List<String> aliases = json.getList("data.speaker.aliases", String.class);
        assertTrue(aliases.contains("Stoltenberg"), aliases.toString());
        assertTrue(aliases.stream().anyMatch(a -> a.toLowerCase().contains("secretary")), aliases.toString());
        assertTrue(json.getList("data.speaker.roles.label", String.class).stream()
                .anyMatch(r -> r.toLowerCase().contains("secretary")));
        int count = json.getInt("data.speaker.statementCount");
        assertTrue(count >= 12, "statements: " + count);
        assertEquals(count, json.getInt("data.speaker.statements.totalCount"));
        assertEquals("2022-04-05", json.getString("data.speaker.firstStatedOn"));
        assertEquals("2023-03-08", json.getString("data.speaker.lastStatedOn"));

        List<String> starts = json.getList("data.speaker.timeline.edges.node.when.start", String.class);
        assertEquals(starts.stream().sorted().toList(), starts, "timeline in time order");
        assertTrue(starts.get(starts.size() - 1).startsWith("2023-03"));

        JsonPath byAlias = GraphQL.ok("{ speaker(name: \"stoltenberg\") { id } }");
        assertEquals(json.getString("data.speaker.id"), byAlias.getString("data.speaker.id"));
        JsonPath byId = GraphQL.ok("query($id: ID) { speaker(id: $id) { name } }", Map.of("id", json.getString("data.speaker.id")));
        assertEquals("Jens Stoltenberg", byId.getString("data.speaker.name"));
    }

    @Test
    void speakersPageAndSearch() {
        JsonPath all = GraphQL.ok("{ speakers(first: 100) { totalCount edges { cursor node { name } } } }");
        int total = all.getInt("data.speakers.totalCount");
        assertTrue(total >= 5, "speakers: " + total);
        List<String> names = all.getList("data.speakers.edges.node.name", String.class);
        assertEquals(total, names.size());
        String cursor = all.getString("data.speakers.edges[1].cursor");
        JsonPath rest = GraphQL.ok("query($a: String) { speakers(first: 100, after: $a) { edges { node { name } } } }", Map.of("a", cursor));
        assertEquals(names.subList(2, names.size()), rest.getList("data.speakers.edges.node.name", String.class));

        JsonPath found = GraphQL.ok("{ speakers(search: \"STOLT\") { edges { node { name } } } }");
        assertEquals(List.of("Jens Stoltenberg"), found.getList("data.speakers.edges.node.name", String.class));
    }

    @Test
    void unknownSpeakersAreClearErrors() {
        assertTrue(GraphQL.error("{ speaker(name: \"No Such Person\") { id } }").contains("No speaker is known"));
        assertTrue(GraphQL.error("{ speaker { id } }").contains("exactly one of id or name"));
        String unknown = GlobalId.of(GlobalId.Type.Speaker, 987654321L);
        assertTrue(GraphQL.error("query($id: ID) { speaker(id: $id) { id } }", Map.of("id", unknown)).contains("No speaker has the id"));
        assertFalse(GraphQL.post("{ speaker(name: \"Stoltenberg\") { coSpeakers(first: 1000) { sharedArticleCount } } }")
                .getList("errors").isEmpty());
    }

    @Test
    void speakerStatementsPageWithCursors() {
        JsonPath all = GraphQL.ok("{ speaker(name: \"Stoltenberg\") { statements(first: 100) { edges { cursor node { id } } } } }");
        List<String> ids = all.getList("data.speaker.statements.edges.node.id", String.class);
        List<String> seen = new java.util.ArrayList<>();
        String after = null;
        while (true) {
            JsonPath page = GraphQL.ok("query($a: String) { speaker(name: \"Stoltenberg\") { statements(first: 4, after: $a) { "
                    + "pageInfo { hasNextPage endCursor } edges { node { id } } } } }", after == null ? Map.of() : Map.of("a", after));
            seen.addAll(page.getList("data.speaker.statements.edges.node.id", String.class));
            if (!page.getBoolean("data.speaker.statements.pageInfo.hasNextPage")) break;
            after = page.getString("data.speaker.statements.pageInfo.endCursor");
        }
        assertEquals(ids, seen);
    }
}
