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

@QuarkusTest
class IngestApiTest {
    private static final String INGEST = """
            mutation($input: ArticleInput!) { ingestArticle(input: $input) {
              created statementCount speakerCount eventCount
              article { id title publisher publishedOn body contentHash statements { text kind speaker { name } } } } }""";
    private static final String ANALYZE = """
            query($input: ArticleInput!) { analyzeArticle(input: $input) {
              title publisher publishedOn undated
              statements { text kind start end cue { text start end } speaker { name kind } speakerMention { text start end } saidOn { value precision } }
              speakers { name kind aliases roles } } }""";
    private static final String COUNTS = """
            { articles { totalCount } speakers { totalCount }
              statements(filter: {includeUndated: true}) { totalCount } events { totalCount } }""";

    private static final String BODY = """
            Council approves new bridge budget after long debate
            The city council approved a budget of 40 million dollars for the new river bridge on Monday, Mayor Linda Carrow said.
            “This bridge will connect two halves of our city that have waited far too long,” Carrow told reporters at city hall.
            Opposition councillor Brian Hale said the cost was too high and warned that taxes would rise.
            """;

    private static Map<String, Object> input(String body, String publishedAt) {
        Map<String, Object> input = new HashMap<>();
        input.put("body", body);
        input.put("source", "Test Gazette");
        if (publishedAt != null) input.put("publishedAt", publishedAt);
        return Map.of("input", input);
    }

    private static Map<String, Integer> counts() {
        JsonPath json = GraphQL.ok(COUNTS);
        return Map.of("articles", json.getInt("data.articles.totalCount"),
                "speakers", json.getInt("data.speakers.totalCount"),
                "statements", json.getInt("data.statements.totalCount"),
                "events", json.getInt("data.events.totalCount"));
    }

    @Test
    void ingestTwiceStoresOnce() {
        String body = BODY + "Unique marker " + System.nanoTime() + ".\n";
        Map<String, Integer> before = counts();
        JsonPath first = GraphQL.ok(INGEST, input(body, "2024-05-14"));
        assertTrue(first.getBoolean("data.ingestArticle.created"));
        assertEquals(body, first.getString("data.ingestArticle.article.body"));
        assertEquals("Test Gazette", first.getString("data.ingestArticle.article.publisher"));
        assertEquals("2024-05-14", first.getString("data.ingestArticle.article.publishedOn"));
        int statements = first.getInt("data.ingestArticle.statementCount");
        assertTrue(statements >= 3, "statements: " + first.prettify());
        Map<String, Integer> afterFirst = counts();
        assertEquals(before.get("articles") + 1, afterFirst.get("articles"));
        assertEquals(before.get("statements") + statements, afterFirst.get("statements"));

        JsonPath second = GraphQL.ok(INGEST, input(body, "2024-05-14"));
        assertFalse(second.getBoolean("data.ingestArticle.created"));
        assertEquals(first.getString("data.ingestArticle.article.id"), second.getString("data.ingestArticle.article.id"));
        assertEquals(afterFirst, counts(), "the second ingest changed nothing");
    }

    @Test
    void analyzeStoresNothingAndAnswersTheScorerContract() {
        Map<String, Integer> before = counts();
        JsonPath json = GraphQL.ok(ANALYZE, input(BODY, "2024-05-14"));
        List<Map<String, Object>> statements = json.getList("data.analyzeArticle.statements");
        assertTrue(statements.size() >= 3, json.prettify());
        for (Map<String, Object> s : statements) {
            int start = (Integer) s.get("start");
            int end = (Integer) s.get("end");
            assertEquals(BODY.substring(start, end), s.get("text"), "offsets point into the body as submitted");
        }
        assertTrue(json.getList("data.analyzeArticle.speakers.name", String.class).contains("Linda Carrow"));
        assertEquals(before, counts());
    }

    @Test
    void badInputIsAClearErrorAndStoresNothing() {
        Map<String, Integer> before = counts();
        assertTrue(GraphQL.error(INGEST, input("", null)).contains("body is empty"));
        assertTrue(GraphQL.error(INGEST, input(" \n\t  ", null)).contains("only whitespace"));
        assertTrue(GraphQL.error(INGEST, input(BODY, "2023-02-30")).contains("publishedAt '2023-02-30' is not a valid"));
        assertTrue(GraphQL.error(INGEST, input(BODY, "yesterday")).contains("not a valid ISO date"));
        assertTrue(GraphQL.error(INGEST, input(BODY + "\u0000\u0001", null)).contains("binary"));
        assertTrue(GraphQL.error(ANALYZE, input("   ", null)).contains("only whitespace"));
        assertFalse(GraphQL.post("mutation { ingestArticle(input: {title: \"no body\"}) { created } }").getList("errors").isEmpty());
        assertEquals(before, counts());
    }

    @Test
    void articlesUpToTwoMebibytesOfTextAreStoredAndLongerOnesRefused() {
        StringBuilder body = new StringBuilder("River report\n“The water is still rising,” flood warden Ines Calloway said.\n");
        for (int i = 0; body.length() < 1_900_000; i++) {
            body.append("Gauge ").append(i).append(" read ").append(i % 97).append(" centimetres above the mark at ")
                    .append(i % 24).append(" o'clock, and the bank held along that stretch of the river.\n");
        }
        JsonPath stored = GraphQL.ok(INGEST, input(body.toString(), "2034-02-01"));
        assertTrue(stored.getBoolean("data.ingestArticle.created"));
        assertEquals(body.length(), stored.getString("data.ingestArticle.article.body").length());

        Map<String, Integer> before = counts();
        String tooLong = body + "x".repeat(dev.quoteline.ingest.IngestService.MAX_BODY_CHARS + 1 - body.length());
        String message = GraphQL.error(INGEST, input(tooLong, "2034-02-02"));
        assertTrue(message.contains("body") && message.contains(Integer.toString(dev.quoteline.ingest.IngestService.MAX_BODY_CHARS)),
                message);
        assertEquals(before, counts());
    }
}
