package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Batched fields get their data loaders when a request first needs them, and answer as with SmallRye's own. */
@QuarkusTest
class LazyDataLoadersTest {
    private static final String SPEAKERS = """
            query { speakers(first: 5) { edges { node { id
              one: timeline(first: 1) { totalCount edges { node { ... on Statement { id } ... on Event { id } } } }
              three: timeline(first: 3) { totalCount edges { node { ... on Statement { id } ... on Event { id } } } }
              articles(first: 2) { totalCount edges { node { id } } } } } } }""";

    private static final String ONE_SPEAKER = """
            query($id: ID!) { node(id: $id) { ... on Speaker {
              timeline(first: 3) { totalCount edges { node { ... on Statement { id } ... on Event { id } } } }
              articles(first: 2) { totalCount edges { node { id } } } } } }""";

    @Test
    void loadersAreMadeOnDemandAndBatchAsBefore() {
        JsonPath listed = GraphQL.ok(SPEAKERS);
        assertTrue(LazyDataLoaders.installed(), "every request still builds a data loader for every batched field");
        List<Map<String, Object>> speakers = listed.getList("data.speakers.edges.node");
        assertTrue(speakers.size() >= 2, "the seeds hold several speakers");
        for (int i = 0; i < speakers.size(); i++) {
            String prefix = "data.speakers.edges[" + i + "].node.";
            JsonPath alone = GraphQL.ok(ONE_SPEAKER, Map.of("id", listed.getString(prefix + "id")));
            // the same field with other arguments on the same parent is another key of the same loader
            assertEquals(alone.getList("data.node.timeline.edges.node.id"), listed.getList(prefix + "three.edges.node.id"));
            assertEquals(alone.getInt("data.node.timeline.totalCount"), listed.getInt(prefix + "three.totalCount"));
            List<Object> first = listed.getList(prefix + "one.edges.node.id");
            assertEquals(Math.min(1, listed.getInt(prefix + "one.totalCount")), first.size());
            assertEquals(Math.min(3, listed.getInt(prefix + "three.totalCount")), listed.getList(prefix + "three.edges").size());
            assertEquals(alone.getList("data.node.timeline.edges.node.id").subList(0, first.size()), first);
            assertEquals(alone.getList("data.node.articles.edges.node.id"), listed.getList(prefix + "articles.edges.node.id"));
        }
    }
}
