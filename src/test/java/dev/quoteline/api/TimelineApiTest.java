package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TimelineApiTest {
    private static final String PAGE = """
            query Page($first: Int, $after: String, $last: Int, $before: String, $filter: TimelineFilter) {
              timeline(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { __typename id when { start end precision value expression } } }
              }
            }""";

    private static List<Map<String, Object>> edges(JsonPath json) {
        return json.getList("data.timeline.edges");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(List<Map<String, Object>> edges) {
        return edges.stream().map(e -> (String) ((Map<String, Object>) e.get("node")).get("id")).toList();
    }

    private static List<String> all(Map<String, Object> filter) {
        JsonPath json = GraphQL.ok(PAGE, filter == null ? Map.of("first", 100) : Map.of("first", 100, "filter", filter));
        assertFalse(json.getBoolean("data.timeline.pageInfo.hasNextPage"), "seed data fits in one page of 100");
        return ids(edges(json));
    }

    @Test
    void timelineIsInTimeOrderWithDatedEntriesOnly() {
        JsonPath json = GraphQL.ok(PAGE, Map.of("first", 100));
        List<Map<String, Object>> edges = edges(json);
        assertTrue(edges.size() >= 10, "seeds give statements and events: " + edges.size());
        assertEquals(edges.size(), json.getInt("data.timeline.totalCount"));
        String previous = "";
        for (Map<String, Object> edge : edges) {
            @SuppressWarnings("unchecked")
            Map<String, Object> when = (Map<String, Object>) ((Map<String, Object>) edge.get("node")).get("when");
            assertNotNull(when, "undated entries are left out by default");
            String start = (String) when.get("start");
            assertTrue(start.compareTo(previous) >= 0, start + " after " + previous);
            previous = start;
        }
        List<String> types = edges.stream().map(e -> (String) ((Map<?, ?>) e.get("node")).get("__typename")).distinct().toList();
        assertTrue(types.contains("Statement") && types.contains("Event"), "both kinds of entry: " + types);
    }

    @Test
    void pagingForwardVisitsEveryEntryOnce() {
        List<String> expected = all(null);
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean first = true;
        while (true) {
            Map<String, Object> vars = after == null ? Map.of("first", 3) : Map.of("first", 3, "after", after);
            JsonPath page = GraphQL.ok(PAGE, vars);
            seen.addAll(ids(edges(page)));
            assertEquals(!first, page.getBoolean("data.timeline.pageInfo.hasPreviousPage"));
            first = false;
            if (!page.getBoolean("data.timeline.pageInfo.hasNextPage")) break;
            after = page.getString("data.timeline.pageInfo.endCursor");
        }
        assertEquals(expected, seen);
    }

    @Test
    void pagingBackwardVisitsEveryEntryOnce() {
        List<String> expected = all(null);
        List<String> seen = new ArrayList<>();
        String before = null;
        while (true) {
            Map<String, Object> vars = before == null ? Map.of("last", 4) : Map.of("last", 4, "before", before);
            JsonPath page = GraphQL.ok(PAGE, vars);
            List<String> ids = new ArrayList<>(ids(edges(page)));
            Collections.reverse(ids);
            seen.addAll(ids);
            if (!page.getBoolean("data.timeline.pageInfo.hasPreviousPage")) break;
            before = page.getString("data.timeline.pageInfo.startCursor");
        }
        Collections.reverse(seen);
        assertEquals(expected, seen);
    }

    @Test
    void filtersNarrowTheTimeline() {
        List<String> everything = all(null);
        List<String> statements = all(Map.of("kinds", List.of("STATEMENT")));
        List<String> events = all(Map.of("kinds", List.of("EVENT")));
        assertEquals(everything.size(), statements.size() + events.size());
        assertFalse(statements.isEmpty());
        assertFalse(events.isEmpty());

        List<String> march = all(Map.of("from", "2023-03-01", "to", "2023-03-31"));
        assertFalse(march.isEmpty());
        assertTrue(march.size() < everything.size());
        JsonPath marchJson = GraphQL.ok(PAGE, Map.of("first", 100, "filter", Map.of("from", "2023-03-01", "to", "2023-03-31")));
        for (String start : marchJson.getList("data.timeline.edges.node.when.start", String.class)) {
            assertTrue(start.compareTo("2023-03-31") <= 0, start);
        }
        for (String end : marchJson.getList("data.timeline.edges.node.when.end", String.class)) {
            assertTrue(end == null || end.compareTo("2023-03-01") >= 0, end);
        }

        List<String> byName = all(Map.of("speakerName", "stoltenberg"));
        List<String> byFullName = all(Map.of("speakerName", "JENS STOLTENBERG"));
        assertEquals(byFullName, byName);
        assertTrue(byName.size() >= 10, "Stoltenberg's statements and events: " + byName.size());

        List<String> search = all(Map.of("search", "atrocities", "kinds", List.of("STATEMENT")));
        assertFalse(search.isEmpty());
        assertTrue(search.size() < statements.size());

        assertTrue(all(Map.of("speakerName", "nobody of that name")).isEmpty());
    }

    /**
     * One speaker's events are read from speaker_event's time order, everything else's from event's: each speaker's
     * timeline, paged both ways, is their dated statements and the events they took part in or spoke at, in time order
     * (from SQL over the base tables), and a date window on it is the window's entries of the unfiltered timeline.
     */
    @Test
    void aSpeakersTimelineIsTheirStatementsAndEventsPagedBothWays() throws java.sql.SQLException {
        Map<Long, List<String>> expected = new java.util.LinkedHashMap<>();
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("""
                select sp.id, t.k, t.id from speaker sp cross join lateral (
                  select 'Statement' k, st.id, st.sort_day, st.precision_rank, 'S' o from statement st
                  where st.speaker_id = sp.id and st.sort_day < 'infinity'
                  union all
                  select 'Event', e.id, e.sort_day, e.precision_rank, 'E' from event e
                  where e.id in (select event_id from event_participant where speaker_id = sp.id)
                     or e.id in (select occasion_event_id from statement where speaker_id = sp.id)) t
                order by sp.id, t.sort_day, t.precision_rank, t.o, t.id""")) {
            while (rs.next()) {
                expected.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(java.util.Base64.getUrlEncoder()
                        .withoutPadding().encodeToString((rs.getString(2) + ":" + rs.getLong(3)).getBytes()));
            }
        }
        assertTrue(expected.values().stream().anyMatch(ids -> ids.stream().anyMatch(id -> id.startsWith("RXZlbnQ"))),
                "some speaker has events in the seeds");
        List<String> march = all(Map.of("from", "2023-03-01", "to", "2023-03-31"));
        for (Map.Entry<Long, List<String>> speaker : expected.entrySet()) {
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("Speaker:" + speaker.getKey()).getBytes());
            Map<String, Object> filter = Map.of("speakerIds", List.of(id));
            List<String> forward = new ArrayList<>();
            String after = null;
            do {
                Map<String, Object> vars = new java.util.HashMap<>(Map.of("first", 2, "filter", filter));
                if (after != null) vars.put("after", after);
                JsonPath page = GraphQL.ok(PAGE, vars);
                assertEquals(speaker.getValue().size(), page.getInt("data.timeline.totalCount"), "speaker " + speaker.getKey());
                forward.addAll(ids(edges(page)));
                after = page.getBoolean("data.timeline.pageInfo.hasNextPage") ? page.getString("data.timeline.pageInfo.endCursor") : null;
            } while (after != null);
            assertEquals(speaker.getValue(), forward, "speaker " + speaker.getKey() + " forward");
            List<String> backward = new ArrayList<>();
            String before = null;
            do {
                Map<String, Object> vars = new java.util.HashMap<>(Map.of("last", 3, "filter", filter));
                if (before != null) vars.put("before", before);
                JsonPath page = GraphQL.ok(PAGE, vars);
                backward.addAll(0, ids(edges(page)));
                before = page.getBoolean("data.timeline.pageInfo.hasPreviousPage") ? page.getString("data.timeline.pageInfo.startCursor") : null;
            } while (before != null);
            assertEquals(speaker.getValue(), backward, "speaker " + speaker.getKey() + " backward");
            List<String> windowed = all(Map.of("speakerIds", List.of(id), "from", "2023-03-01", "to", "2023-03-31"));
            assertEquals(march.stream().filter(speaker.getValue()::contains).toList(), windowed, "speaker " + speaker.getKey() + " in March");
        }
        // several speakers: their entries once each (an event two of them took part in is one entry), in time order
        List<Long> speakers = new ArrayList<>(expected.keySet());
        List<String> both = all(Map.of("speakerIds", speakers.stream().map(k -> java.util.Base64.getUrlEncoder()
                .withoutPadding().encodeToString(("Speaker:" + k).getBytes())).toList()));
        java.util.Set<String> union = new java.util.HashSet<>();
        expected.values().forEach(union::addAll);
        assertEquals(union.size(), both.size());
        assertEquals(union, new java.util.HashSet<>(both));
        assertEquals(all(null).stream().filter(union::contains).toList(), both);
    }

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    /**
     * The page's keys are ordered by their dates, not by the dates' text: a day past the year 9999 writes as
     * "10000-01-01", which sorts before "2023-03-01" as text.
     */
    @Test
    void entriesAreInDateOrderWhereTheirTextsSortOtherwise() throws java.sql.SQLException {
        long eventId;
        java.sql.Date start;
        java.sql.Date end;
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select id, when_start, when_end from event order by sort_day, id limit 1")) {
            assertTrue(rs.next(), "the seeds have events");
            eventId = rs.getLong(1);
            start = rs.getDate(2);
            end = rs.getDate(3);
        }
        String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("Event:" + eventId).getBytes());
        String query = "query($first: Int, $last: Int) { timeline(first: $first, last: $last) { edges { node { id } } } }";
        try {
            try (var c = dataSource.getConnection();
                 var u = c.prepareStatement("update event set when_start = date '10000-01-01', when_end = null where id = ?")) {
                u.setLong(1, eventId);
                assertEquals(1, u.executeUpdate());
            }
            assertEquals(List.of(id), ids(edges(GraphQL.ok(query, Map.of("last", 1)))), "the newest entry");
            List<String> oldest = ids(edges(GraphQL.ok(query, Map.of("first", 100))));
            assertEquals(id, oldest.get(oldest.size() - 1), "last in time order");
            // several speakers' timelines are read in one union and put back in order in Java
            java.util.Set<String> speakers = new java.util.HashSet<>();
            try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(
                    "select speaker_id from event_participant where event_id = " + eventId + " union "
                            + "select speaker_id from statement where occasion_event_id = " + eventId)) {
                while (rs.next()) {
                    speakers.add(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("Speaker:" + rs.getLong(1)).getBytes()));
                }
            }
            assertFalse(speakers.isEmpty(), "the seeds' oldest event has a speaker");
            JsonPath json = GraphQL.ok("{ speakers(first: 100) { edges { node { id timeline(first: 60) { edges { node { id } } } } } } }", Map.of());
            int checked = 0;
            for (Map<String, Object> edge : json.<Map<String, Object>>getList("data.speakers.edges")) {
                JsonPath speaker = new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(edge.get("node")).toString());
                if (speakers.contains(speaker.getString("id"))) {
                    List<String> timeline = speaker.getList("timeline.edges.node.id");
                    assertEquals(id, timeline.get(timeline.size() - 1), "last in speaker " + speaker.getString("id") + "'s timeline");
                    checked++;
                }
            }
            assertEquals(speakers.size(), checked, "every speaker of the event is on the first page of speakers");
        } finally {
            try (var c = dataSource.getConnection();
                 var u = c.prepareStatement("update event set when_start = ?, when_end = ? where id = ?")) {
                u.setDate(1, start);
                u.setDate(2, end);
                u.setLong(3, eventId);
                u.executeUpdate();
            }
        }
    }

    @Test
    void filterByArticle() {
        JsonPath articles = GraphQL.ok("{ articles(first: 10) { edges { node { id publishedOn } } } }");
        String newest = articles.getString("data.articles.edges[0].node.id");
        JsonPath json = GraphQL.ok("""
                query($f: TimelineFilter) { timeline(first: 100, filter: $f) {
                  edges { node { ... on Statement { article { id } } ... on Event { articles { id } } } } } }""",
                Map.of("f", Map.of("articleId", newest)));
        List<Map<String, Object>> edges = json.getList("data.timeline.edges");
        assertFalse(edges.isEmpty());
        for (Map<String, Object> e : edges) {
            String text = e.toString();
            assertTrue(text.contains(newest), text);
        }
    }

    @Test
    void badPagingArgumentsAreClearErrors() {
        assertTrue(GraphQL.error(PAGE, Map.of("first", 1000)).contains("first must be between 0 and 100"));
        assertTrue(GraphQL.error(PAGE, Map.of("last", 101)).contains("last must be between 0 and 100"));
        assertTrue(GraphQL.error(PAGE, Map.of("first", 5, "after", "not-a-cursor!")).contains("not a valid cursor"));
        String speakerCursor = GraphQL.ok("{ speakers(first: 1) { edges { cursor } } }").getString("data.speakers.edges[0].cursor");
        assertTrue(GraphQL.error(PAGE, Map.of("first", 5, "after", speakerCursor)).contains("cursor of a Speaker connection"));
        assertTrue(GraphQL.error(PAGE, Map.of("first", 5, "filter", Map.of("from", "2023-03-10", "to", "2023-03-01")))
                .contains("is after"));
        assertNotNull(GraphQL.post(PAGE, Map.of("first", 5, "filter", Map.of("from", "2023-02-30"))).get("errors"),
                "a date that is not one is refused");
    }

    @Test
    void nodeFetchesEveryKindAndRejectsForgedIds() {
        JsonPath json = GraphQL.ok("""
                { timeline(first: 100) { edges { node { __typename id } } }
                  speakers(first: 1) { edges { node { id } } }
                  articles(first: 1) { edges { node { id } } } }""");
        List<String> ids = new ArrayList<>(json.getList("data.timeline.edges.node.id", String.class));
        ids.add(json.getString("data.speakers.edges[0].node.id"));
        ids.add(json.getString("data.articles.edges[0].node.id"));
        for (String id : ids) {
            JsonPath node = GraphQL.ok("query($id: ID!) { node(id: $id) { id __typename } }", Map.of("id", id));
            assertEquals(id, node.getString("data.node.id"));
        }
        String unknown = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("Statement:999999999".getBytes());
        assertTrue(GraphQL.error("query($id: ID!) { node(id: $id) { id } }", Map.of("id", unknown)).contains("Could not resolve"));
        assertTrue(GraphQL.error("query($id: ID!) { node(id: $id) { id } }", Map.of("id", "Zm9vOmJhcg")).contains("not a Quoteline ID"));
        String statementId = json.getString("data.timeline.edges.find { it.node.__typename == 'Statement' }.node.id");
        assertTrue(GraphQL.error("query($id: ID!) { article(id: $id) { id } }", Map.of("id", statementId))
                .contains("where an ID of type Article is expected"));
    }
}
