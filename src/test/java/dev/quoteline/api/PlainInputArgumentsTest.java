package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.json.JsonBCreator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Input objects copied into their class directly must equal what SmallRye's own path (JSON text through JSON-B, with
 * the schema's settings, read once SmallRye has started) builds from the same map; whatever the copy cannot do
 * exactly is left to SmallRye.
 */
@QuarkusTest
class PlainInputArgumentsTest {
    private final PlainInputArguments arguments = new PlainInputArguments(List.of());

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /** SmallRye's {@code correctComplexObjectFromMap} for a map without dates or adapted fields. */
    private static Object throughJsonB(Map<String, Object> map, Class<?> type) {
        String json = JsonBCreator.getJsonB(type.getName()).toJson(map);
        return JsonBCreator.getJsonB(type.getName()).fromJson(json, type);
    }

    private static Map<String, Object> fields(Object o) throws IllegalAccessException {
        Map<String, Object> out = new HashMap<>();
        for (java.lang.reflect.Field f : o.getClass().getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                out.put(f.getName(), f.get(o));
            }
        }
        return out;
    }

    private void sameAsSmallRye(Class<?> type, Map<String, Object> map) throws IllegalAccessException {
        Object direct = arguments.build(map, type.getName());
        assertNotNull(direct, "copied directly: " + map);
        assertEquals(type, direct.getClass());
        assertEquals(fields(throughJsonB(map, type)), fields(direct), type.getSimpleName() + " from " + map);
    }

    @Test
    void plainFiltersAreBuiltAsJsonBBuildsThem() throws IllegalAccessException {
        sameAsSmallRye(TimelineFilter.class, map("speakerIds", List.of("U3BlYWtlcjo1")));
        sameAsSmallRye(TimelineFilter.class, map("speakerIds", new ArrayList<>(List.of("a", "b")), "speakerName", "Jens",
                "kinds", List.of("STATEMENT", "EVENT"), "articleId", "QXJ0aWNsZTox", "search", "\"quoted phrase\" -word",
                "includeUndated", true));
        sameAsSmallRye(StatementFilter.class, map("kinds", List.of("DIRECT"), "speakerIds", List.of(), "includeUndated", false));
        sameAsSmallRye(EventFilter.class, map("kinds", List.of("MEETING", "VISIT"), "statuses", List.of("PAST")));
        sameAsSmallRye(ArticleInput.class, map("body", "Title\n\n\"We will stay,\" she said. \u00e9\u20ac\ud83d\ude00", "source", "Reuters"));
        sameAsSmallRye(TimelineFilter.class, map());
    }

    @Test
    void aTimelineFilteredBySpeakerTakesTheCopyAndOneByDateDoesNot() {
        String speaker = GraphQL.ok("{ speakers(first: 1) { edges { node { id } } } }").getString("data.speakers.edges[0].node.id");
        long before = PlainInputArguments.COPIED.sum();
        io.restassured.path.json.JsonPath page = GraphQL.ok("""
                query($s: ID!) { timeline(first: 5, filter: {speakerIds: [$s], kinds: [STATEMENT]}) {
                  edges { node { ... on Statement { speaker { id } } } } } }""", Map.of("s", speaker));
        assertEquals(before + 1, PlainInputArguments.COPIED.sum());
        List<String> speakers = page.getList("data.timeline.edges.node.speaker.id");
        assertEquals(false, speakers.isEmpty());
        assertEquals(List.of(speaker), speakers.stream().distinct().toList());
        GraphQL.ok("{ timeline(first: 5, filter: {from: \"2023-01-01\"}) { edges { cursor } } }");
        assertEquals(before + 1, PlainInputArguments.COPIED.sum(), "a date is SmallRye's to read");
    }

    @Test
    void whatTheCopyCannotDoExactlyIsLeftToSmallRye() {
        List<Map<String, Object>> left = List.of(
                map("from", "2020-03-01"), // a date: SmallRye parses it, with its own errors
                map("speakerIds", List.of("a"), "to", "2020-03-31"),
                map("search", null), // an explicit null
                map("speakerIds", "not a list"),
                map("speakerIds", Arrays.asList("a", null)),
                map("kinds", List.of("NO_SUCH_KIND")),
                map("includeUndated", "true"),
                map("noSuchField", "x"));
        for (Map<String, Object> map : left) {
            assertNull(arguments.build(map, TimelineFilter.class.getName()), "left to SmallRye: " + map);
        }
        assertNull(arguments.build(map("title", "x"), "dev.quoteline.NoSuchClass"));
        assertNull(arguments.build(map(), SpeakerView.class.getName()), "not an input class of public fields");
    }
}
