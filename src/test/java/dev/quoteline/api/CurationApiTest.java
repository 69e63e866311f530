package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The curation mutations: each does exactly its correction, all or nothing. */
@QuarkusTest
class CurationApiTest {
    private static final String INGEST = """
            mutation($input: ArticleInput!) { ingestArticle(input: $input) {
              article { id statements { id speaker { id name } } events { id } } } }""";

    private static JsonPath ingest(String body, String date) {
        return GraphQL.ok(INGEST, Map.of("input", Map.of("body", body, "publishedAt", date)));
    }

    private static String speakerId(String name) {
        return GraphQL.ok("query($n: String) { speaker(name: $n) { id } }", Map.of("n", name)).getString("data.speaker.id");
    }

    private static boolean resolves(String id) {
        return GraphQL.post("query($id: ID!) { node(id: $id) { id } }", Map.of("id", id)).getString("data.node.id") != null;
    }

    @Test
    void deletingAnArticleRemovesWhatOnlyItSupported() {
        String shared = "Parks director Odile Marchetti";
        JsonPath a = ingest("Lido reopens\nThe lido will reopen on 3 June 2033, " + shared + " said on Monday.\n"
                + "Lifeguard captain Nils Orrebeck said the pool needed more staff.\n", "2033-05-02");
        ingest("Lido budget\nThe lido budget is settled, " + shared + " said on Tuesday.\n", "2033-05-03");
        String articleId = a.getString("data.ingestArticle.article.id");
        List<String> statements = a.getList("data.ingestArticle.article.statements.id", String.class);
        List<String> events = a.getList("data.ingestArticle.article.events.id", String.class);
        String onlyHere = speakerId("Nils Orrebeck");
        String sharedId = speakerId("Odile Marchetti");
        assertFalse(statements.isEmpty());

        JsonPath deleted = GraphQL.ok("mutation($id: ID!) { deleteArticle(id: $id) { deletedArticleId "
                + "deletedStatementCount deletedEventCount deletedSpeakerCount } }", Map.of("id", articleId));
        assertEquals(articleId, deleted.getString("data.deleteArticle.deletedArticleId"));
        assertEquals(statements.size(), deleted.getInt("data.deleteArticle.deletedStatementCount"));
        assertEquals(events.size(), deleted.getInt("data.deleteArticle.deletedEventCount"));
        assertEquals(1, deleted.getInt("data.deleteArticle.deletedSpeakerCount"));
        assertFalse(resolves(articleId));
        statements.forEach(id -> assertFalse(resolves(id), id));
        events.forEach(id -> assertFalse(resolves(id), id));
        assertFalse(resolves(onlyHere));
        assertTrue(resolves(sharedId), "a speaker quoted elsewhere stays");

        JsonPath again = GraphQL.post("mutation($id: ID!) { deleteArticle(id: $id) { deletedArticleId } }",
                Map.of("id", articleId));
        assertEquals("NOT_FOUND", again.getString("errors[0].extensions.code"));
    }

    @Test
    void anEventAnotherArticleReportsSurvivesTheDeletion() {
        String sentence = "The Harwick transit strike will start on 9 October 2033, union leader Petra Solvang said.\n";
        JsonPath a = ingest("Strike called\n" + sentence, "2033-09-20");
        JsonPath b = ingest("Strike confirmed\n" + sentence.replace("said", "confirmed on Thursday"), "2033-09-22");
        List<String> eventsA = a.getList("data.ingestArticle.article.events.id", String.class);
        assertFalse(eventsA.isEmpty());
        assertEquals(eventsA, b.getList("data.ingestArticle.article.events.id", String.class), "one event, two reports");
        GraphQL.ok("mutation($id: ID!) { deleteArticle(id: $id) { deletedEventCount } }",
                Map.of("id", a.getString("data.ingestArticle.article.id")));
        eventsA.forEach(id -> assertTrue(resolves(id), id));
        assertEquals(1, GraphQL.ok("query($id: ID!) { event(id: $id) { articles { id } } }", Map.of("id", eventsA.get(0)))
                .getList("data.event.articles").size());
    }

    @Test
    void reattributingMovesOneStatement() {
        JsonPath a = ingest("Tram line\nThe tram line opens in May, transport chief Arvo Kettunen said.\n"
                + "Cyclist group head Mirela Dobrescu said the lanes were too narrow.\n", "2033-04-01");
        String statement = a.getString("data.ingestArticle.article.statements[0].id");
        String from = a.getString("data.ingestArticle.article.statements[0].speaker.id");
        String to = a.getString("data.ingestArticle.article.statements[1].speaker.id");
        JsonPath moved = GraphQL.ok("mutation($s: ID!, $p: ID!) { reattributeStatement(statementId: $s, speakerId: $p) {"
                + " statement { id speaker { id } } previousSpeaker { id } } }", Map.of("s", statement, "p", to));
        assertEquals(to, moved.getString("data.reattributeStatement.statement.speaker.id"));
        assertEquals(from, moved.getString("data.reattributeStatement.previousSpeaker.id"));
        assertEquals(to, GraphQL.ok("query($id: ID!) { node(id: $id) { ... on Statement { speaker { id } } } }",
                Map.of("id", statement)).getString("data.node.speaker.id"));

        JsonPath wrongType = GraphQL.post("mutation($s: ID!, $p: ID!) { reattributeStatement(statementId: $s, "
                + "speakerId: $p) { statement { id } } }", Map.of("s", statement, "p", statement));
        assertEquals("BAD_USER_INPUT", wrongType.getString("errors[0].extensions.code"));
        assertTrue(wrongType.getString("errors[0].message").contains("speakerId"));
    }

    @Test
    void mergingLeavesOneSpeakerThatLaterArticlesFind() {
        ingest("Museum wing\nThe new wing opens in autumn, curator Hana Vlasakova said.\n", "2033-06-01");
        ingest("Museum wing delayed\nThe opening slips to winter, museum head Hana Vlasakova-Brandt said.\n", "2033-06-09");
        String keep = speakerId("Hana Vlasakova");
        String merge = speakerId("Hana Vlasakova-Brandt");
        JsonPath merged = GraphQL.ok("mutation($k: ID!, $m: ID!) { mergeSpeakers(keepId: $k, mergeId: $m) {"
                + " mergedSpeakerId movedStatementCount speaker { id aliases statementCount } } }",
                Map.of("k", keep, "m", merge));
        assertEquals(merge, merged.getString("data.mergeSpeakers.mergedSpeakerId"));
        assertEquals(1, merged.getInt("data.mergeSpeakers.movedStatementCount"));
        assertEquals(2, merged.getInt("data.mergeSpeakers.speaker.statementCount"));
        assertTrue(merged.getList("data.mergeSpeakers.speaker.aliases", String.class).contains("Hana Vlasakova-Brandt"));
        assertFalse(resolves(merge));
        assertEquals(keep, speakerId("Hana Vlasakova-Brandt"), "the merged name now finds the kept speaker");

        ingest("Museum wing opens\nThe wing is finally open, museum head Hana Vlasakova-Brandt said on Friday.\n", "2033-12-05");
        assertEquals(3, GraphQL.ok("query($id: ID!) { speaker(id: $id) { statementCount } }", Map.of("id", keep))
                .getInt("data.speaker.statementCount"), "a later article naming the merged speaker joins the kept one");

        JsonPath self = GraphQL.post("mutation($k: ID!) { mergeSpeakers(keepId: $k, mergeId: $k) { movedStatementCount } }",
                Map.of("k", keep));
        assertEquals("BAD_USER_INPUT", self.getString("errors[0].extensions.code"));
        JsonPath gone = GraphQL.post("mutation($k: ID!, $m: ID!) { mergeSpeakers(keepId: $k, mergeId: $m) { movedStatementCount } }",
                Map.of("k", keep, "m", merge));
        assertEquals("NOT_FOUND", gone.getString("errors[0].extensions.code"));
        assertTrue(gone.getString("errors[0].message").contains("mergeId"));
    }
}
