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
