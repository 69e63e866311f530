package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * A timeline page reads its statements' articles, speakers and speakers' roles in the statement it already sends when
 * the query asks for them. The answers must be the ones the unprefetched resolvers give for the same rows.
 */
@QuarkusTest
class PrefetchApiTest {
    @Inject
    EntityManagerFactory emf;
    @Inject
    ReadRepository reads;
    @Inject
    dev.quoteline.db.NativeSql sql;

    private static final String PREFETCHED = """
            { timeline(first: 100) { edges { node { __typename ... on Statement { id
                speaker { id name roles { label title organization statedOn } } article { id title publisher url } } } } } }""";

    @Test
    void prefetchedArticlesAndRolesEqualTheResolversOwn() {
        JsonPath page = GraphQL.ok(PREFETCHED);
        List<Map<String, Object>> nodes = page.getList("data.timeline.edges.node");
        int compared = 0;
        for (Map<String, Object> node : nodes) {
            if (!"Statement".equals(node.get("__typename"))) continue;
            // the same statement through node(id): speaker and article come from their own batch resolvers there
            JsonPath alone = GraphQL.ok("""
                    query($id: ID!) { node(id: $id) { ... on Statement {
                      speaker { id name roles { label title organization statedOn } } article { id title publisher url } } } }""",
                    Map.of("id", node.get("id")));
            assertEquals(alone.getMap("data.node.article"), node.get("article"), "article of " + node.get("id"));
            assertEquals(alone.getMap("data.node.speaker"), node.get("speaker"), "speaker of " + node.get("id"));
            compared++;
        }
        assertFalse(compared < 10, "statements compared: " + compared);
    }

    @Test
    void roundTripsFallWhenBothAreAskedAndStayRightWhenOnlySomeAre() {
        Statistics statistics = new Statistics(emf);
        GraphQL.ok(PREFETCHED);
        assertEquals(1, statistics.since(), "keys with rows, articles, and speakers with roles");
        // one alias asks for roles, the other not: the roles still come out for the one that asks
        JsonPath mixed = GraphQL.ok("""
                { timeline(first: 100) { edges { node { ... on Statement {
                    plain: speaker { name } withRoles: speaker { roles { label } } } } } } }""");
        List<Object> roles = mixed.getList("data.timeline.edges.node.withRoles.roles.label");
        assertFalse(roles.stream().allMatch(r -> r == null || ((List<?>) r).isEmpty()), "roles answered: " + roles);
        // events' participants are not prefetched: their roles come from the roles resolver
        JsonPath events = GraphQL.ok("""
                { timeline(first: 100) { edges { node { ... on Event { participants { name roles { label } } } } } } }""");
        List<Map<String, Object>> participants = events.getList("data.timeline.edges.node.participants.flatten()");
        assertFalse(participants.isEmpty(), "participants");
    }

    @Test
    void aPageAskingOnlyForRoleLabelsReadsNoOtherPartAndAnswersTheSameLabels() {
        Statistics statistics = new Statistics(emf);
        JsonPath labels = GraphQL.ok("""
                { timeline(first: 100) { edges { node { ... on Statement { speaker { id roles { label } } } } } } }""");
        assertEquals(1, statistics.since(), "keys, rows, and speakers with their roles' labels");
        JsonPath whole = GraphQL.ok(PREFETCHED);
        List<Object> expected = whole.getList("data.timeline.edges.node.speaker.roles.label");
        assertEquals(expected, labels.getList("data.timeline.edges.node.speaker.roles.label"));
        assertFalse(expected.stream().allMatch(r -> r == null || ((List<?>) r).isEmpty()), "roles answered: " + expected);
        statistics.since();
        // another alias naming a role's other parts: the page reads them all, still in one statement
        JsonPath mixed = GraphQL.ok("""
                { timeline(first: 100) { edges { node { ... on Statement {
                    a: speaker { roles { label } } b: speaker { roles { statedOn title organization } } } } } } }""");
        assertEquals(1, statistics.since(), "one statement with the roles' every part");
        assertEquals(expected, mixed.getList("data.timeline.edges.node.a.roles.label"));
        assertEquals(whole.getList("data.timeline.edges.node.speaker.roles.statedOn"),
                mixed.getList("data.timeline.edges.node.b.roles.statedOn"));
        assertEquals(whole.getList("data.timeline.edges.node.speaker.roles.title"),
                mixed.getList("data.timeline.edges.node.b.roles.title"));
    }

    /** The path a query's syntax tree did not show: a page's role labels read their other parts from the database. */
    @Test
    @io.quarkus.test.TestTransaction
    void roleLabelsReadTheirOtherPartsAsTheSpeakersRolesWhole() {
        List<Object[]> speakers = sql.rows("select speaker_id from speaker_role group by speaker_id having count(*) > 1"
                + " order by speaker_id limit 2");
        assertFalse(speakers.isEmpty(), "the seeds have a speaker with several roles");
        RestOfPage<List<RoleView>> rest = reads.roleDetails();
        Map<Long, List<RoleView>> labelsOnly = new java.util.HashMap<>();
        for (Object[] row : speakers) {
            long id = dev.quoteline.db.NativeSql.toLong(row[0]);
            Object labels = sql.rows("select " + ReadRepository.ROLE_LABELS + " from speaker sp where sp.id = ?", id).get(0)[0];
            labelsOnly.put(id, ReadRepository.roleLabels(id, labels, rest));
        }
        Map<Long, List<RoleView>> whole = new java.util.HashMap<>();
        for (Long id : labelsOnly.keySet()) {
            whole.put(id, ReadRepository.roles((String) sql.rows("select " + ReadRepository.ROLES_JSON
                    + " from speaker sp where sp.id = ?", id).get(0)[0]));
        }
        Statistics statistics = new Statistics(emf);
        assertEquals(whole, labelsOnly, "every part of every role, in the same order");
        assertEquals(1, statistics.since(), "one read for the roles of every speaker of the page, on first use");
    }

    private static final String EVERY_DETAIL = """
            __typename ... on Statement { id text kind start end cue { text start end } speakerMention { text start end }
              paragraphIndex sentence { text start end }
              article { id title publisher section url publishedOn publishedAt undated contentHash ingestedAt } }
            ... on Event { id title eventKind: kind status eventSentence: sentence places participantNames }""";

    @Test
    void aPageAskingForEveryColumnAnswersAsNodeDoesInOneStatement() {
        Statistics statistics = new Statistics(emf);
        JsonPath page = GraphQL.ok("{ timeline(first: 100) { edges { node { " + EVERY_DETAIL + " } } } }");
        assertEquals(1, statistics.since(), "keys, rows and articles in one statement");
        List<Map<String, Object>> nodes = page.getList("data.timeline.edges.node");
        int statements = 0;
        int events = 0;
        for (Map<String, Object> node : nodes) {
            JsonPath alone = GraphQL.ok("query($id: ID!) { node(id: $id) { " + EVERY_DETAIL + " } }", Map.of("id", node.get("id")));
            assertEquals(alone.getMap("data.node"), node, "node " + node.get("id"));
            if ("Statement".equals(node.get("__typename"))) statements++;
            else events++;
        }
        assertFalse(statements < 10 || events < 3, "compared " + statements + " statements, " + events + " events");
    }

    @Test
    void aPageAskingForFewColumnsIsStillOneStatement() {
        Statistics statistics = new Statistics(emf);
        JsonPath page = GraphQL.ok("""
                { timeline(first: 100) { edges { node { ... on Statement { id text article { title } } ... on Event { id title } } } } }""");
        assertEquals(1, statistics.since(), "keys, rows and articles in one statement");
        assertFalse(page.getList("data.timeline.edges.node.title").isEmpty());
    }

    /** Statements prepared since the last call, from Hibernate's statistics (NativeSql counts there too). */
    private static final class Statistics {
        private final org.hibernate.stat.Statistics stats;

        Statistics(EntityManagerFactory emf) {
            stats = emf.unwrap(SessionFactory.class).getStatistics();
            stats.clear();
        }

        long since() {
            long n = stats.getPrepareStatementCount();
            stats.clear();
            return n;
        }
    }
}
