package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One speaker per real person across articles: spelling variants join, namesakes without evidence do not. */
@QuarkusTest
class SpeakerIdentityApiTest {
    private static final String INGEST = "mutation($input: ArticleInput!) { ingestArticle(input: $input) { created } }";

    private static void ingest(String body, String date) {
        GraphQL.ok(INGEST, Map.of("input", Map.of("body", body, "publishedAt", date)));
    }

    private static String idOf(String name) {
        return GraphQL.ok("query($n: String) { speaker(name: $n) { id } }", Map.of("n", name)).getString("data.speaker.id");
    }

    @Test
    void transliterationVariantsAreOneSpeaker() {
        ingest("Grain talks\nThe talks will go on next week, President Volodymyr Ostrovskiy said on Monday.\n", "2031-02-03");
        ingest("Grain talks resume\nThe ships will sail again, President Volodymyr Ostrovsky told reporters on Tuesday.\n",
                "2031-02-04");
        assertEquals(idOf("Volodymyr Ostrovskiy"), idOf("Volodymyr Ostrovsky"));
    }

    @Test
    void namesakesInDifferentArticlesStayApart() {
        ingest("Budget row\nThe budget is balanced, finance minister Karen Lindqvar said on Monday.\n", "2031-03-03");
        ingest("Match report\nThe team played well, coach Peter Lindqvar said after the game on Sunday.\n", "2031-03-09");
        assertNotEquals(idOf("Karen Lindqvar"), idOf("Peter Lindqvar"));
    }
}
