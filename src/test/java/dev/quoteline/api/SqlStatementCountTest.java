package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A page costs a constant number of SQL statements whatever its size: batch loading, no N+1. Counted by Hibernate's
 * statistics, which every read path goes through (see NativeSql).
 */
@QuarkusTest
class SqlStatementCountTest {
    private static final String TIMELINE_PAGE = """
            query($first: Int) { timeline(first: $first) {
              totalCount
              edges { cursor node { id when { value precision }
                ... on Statement { text kind speaker { name kind roles { label } aliases } article { title publisher } occasion { title } }
                ... on Event { title participants { name } articles { title publisher } } } } } }""";

    @Inject
    EntityManagerFactory emf;

    private long statementsFor(String query, Map<String, Object> variables) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        GraphQL.ok(query, variables);
        return stats.getPrepareStatementCount();
    }

    @Test
    void timelinePageCostsTheSameWhateverItsSize() {
        // Each batch loader is one statement; a loader only runs when the page holds something it serves
        // (an event, an occasion), so small pages may cost less, but no page costs more than the fixed set.
        long twenty = statementsFor(TIMELINE_PAGE, Map.of("first", 20));
        long fifty = statementsFor(TIMELINE_PAGE, Map.of("first", 50));
        long hundred = statementsFor(TIMELINE_PAGE, Map.of("first", 100));
        assertEquals(twenty, fifty, "20 entries and 50 entries cost the same");
        assertEquals(fifty, hundred, "50 entries and 100 entries cost the same");
        for (int size = 1; size <= 100; size += 9) {
            long cost = statementsFor(TIMELINE_PAGE, Map.of("first", size));
            assertTrue(cost <= fifty, "a page of " + size + " costs " + cost + " statements, more than a page of 50");
        }
        // keys, count, statements, events, speakers, roles, aliases, articles, occasions, participants, event articles
        assertTrue(fifty <= 11, "timeline page of 50 costs " + fifty + " statements");
    }

    // The six workloads of the performance suite (src/bench/queries/quoteline), with the page size as a variable.
    private static final String ENTRY = """
            edges { cursor node { __typename
              ... on Statement { id text kind when { value precision } speaker { id name roles { label } } article { title publisher } }
              ... on Event { id title eventKind: kind eventWhen: when { value precision } } } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }""";
    private static final String W1_NEWEST = "query($n: Int) { timeline(last: $n) { " + ENTRY + " } }";
    private static final String W2_SPEAKER = "query($n: Int, $s: ID!) { timeline(first: $n, filter: {speakerIds: [$s]}) { "
            + ENTRY + " } }";
    private static final String W3_MONTH = "query($n: Int) { timeline(first: $n, filter: {from: \"2023-03-01\", to: \"2023-03-31\"}) { "
            + ENTRY + " } }";
    private static final String W4_CURSOR = "query($n: Int, $s: ID!, $after: String) { timeline(first: $n, after: $after, "
            + "filter: {speakerIds: [$s]}) { " + ENTRY + " } }";
    private static final String W5_SEARCH = """
            query($n: Int) { statements(first: $n, filter: {search: "Russia"}) { edges { cursor node { id text kind
              when { value precision } speaker { id name } article { title publisher } } } pageInfo { hasNextPage endCursor } } }""";
    private static final String W6_SPEAKER = """
            query($n: Int, $s: ID!) { speaker(id: $s) { id name kind statementCount
              coSpeakers(first: $n) { speaker { id name } sharedArticleCount } } }""";

    private String stoltenberg() {
        return GraphQL.ok("{ speaker(name: \"Stoltenberg\") { id } }").getString("data.speaker.id");
    }

    /**
     * The statements a workload costs with a page of 100; pages of 20 and 50 must cost exactly as much, and smaller
     * ones no more (a batch loader only runs when the page holds something it serves, an event or a speaker).
     */
    private long constantCost(String query, Map<String, Object> variables) {
        java.util.function.IntToLongFunction cost = n -> {
            Map<String, Object> v = new java.util.HashMap<>(variables);
            v.put("n", n);
            return statementsFor(query, v);
        };
        long hundred = cost.applyAsLong(100);
        assertEquals(hundred, cost.applyAsLong(50), "a page of 50 costs as much as a page of 100");
        assertEquals(hundred, cost.applyAsLong(20), "a page of 20 costs as much as a page of 100");
        for (int n : new int[] {1, 5}) {
            long c = cost.applyAsLong(n);
            assertTrue(c <= hundred, "a page of " + n + " costs " + c + " statements, more than a page of 100");
        }
        System.out.println("statements per request: " + hundred + " for " + query.lines().findFirst().orElse(""));
        return hundred;
    }

    @Test
    void everySuiteWorkloadCostsAConstantNumberOfStatements() {
        String speaker = stoltenberg();
        // the timeline pages: one statement for the keys with their rows and the statements' articles and speakers
        // with their roles; the figures listed in the README's performance section
        assertEquals(1, constantCost(W1_NEWEST, Map.of()), "W1");
        assertEquals(1, constantCost(W2_SPEAKER, Map.of("s", speaker)), "W2");
        assertEquals(1, constantCost(W3_MONTH, Map.of()), "W3"); // the seeds' month holds statements too
        String cursor = GraphQL.ok(W4_CURSOR, Map.of("n", 3, "s", speaker))
                .getString("data.timeline.pageInfo.endCursor");
        assertEquals(1, constantCost(W4_CURSOR, Map.of("s", speaker, "after", cursor)), "W4");
        assertEquals(4, constantCost(W5_SEARCH, Map.of()), "W5");
        assertEquals(3, constantCost(W6_SPEAKER, Map.of("s", speaker)), "W6");
    }

    @Test
    void speakerTimelinesAndArticlesUnderAListCostTheSameWhateverTheNumberOfSpeakers() {
        String query = """
                query($first: Int) { speakers(first: $first) { edges { node { name
                  timeline(first: 3) { totalCount edges { cursor node { __typename ... on Statement { text } ... on Event { title } } } }
                  articles(first: 2) { totalCount edges { node { title } } }
                } } } }""";
        long two = statementsFor(query, Map.of("first", 2));
        long all = statementsFor(query, Map.of("first", 50));
        assertEquals(two, all, "Speaker.timeline and Speaker.articles batch across the listed speakers");
        // speakers + count... : keys, statements, events, timeline counts, articles, article counts
        assertTrue(all <= 7, "a list of speakers with their timelines and articles costs " + all + " statements");
    }

    @Test
    void speakerListWithNestedFieldsCostsTheSameWhateverItsSize() {
        String query = """
                query($first: Int) { speakers(first: $first) { edges { node {
                  name aliases roles { label } statementCount firstStatedOn lastStatedOn coSpeakers(first: 3) { speaker { name } sharedArticleCount }
                  statements(first: 3) { totalCount edges { cursor node { text article { title } } } }
                } } } }""";
        long two = statementsFor(query, Map.of("first", 2));
        long all = statementsFor(query, Map.of("first", 50));
        assertEquals(two, all);
    }
}
