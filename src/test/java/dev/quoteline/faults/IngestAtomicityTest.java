package dev.quoteline.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database failure partway through storing an article leaves nothing of it behind. The failure is forced by a
 * trigger that raises on the first insert into a table written after the article and its speakers.
 */
@QuarkusTest
class IngestAtomicityTest {
    @TestHTTPResource("/graphql")
    URI graphql;
    @Inject
    AgroalDataSource dataSource;

    private Db db;

    @BeforeEach
    void setUp() throws Exception {
        db = new Db(dataSource);
        db.execute("""
                create or replace function quoteline_test_fail() returns trigger language plpgsql as $$
                begin raise exception 'forced failure on % for an atomicity test', tg_table_name; end $$""");
    }

    @AfterEach
    void dropTriggers() throws Exception {
        db.execute("drop trigger if exists quoteline_test_fail on statement");
        db.execute("drop trigger if exists quoteline_test_fail on event");
    }

    /** A surname per case, so that each case's speaker is new to the database. */
    static String surname(String variant) {
        return "Lindq" + Character.toUpperCase(variant.charAt(0)) + variant.substring(1).toLowerCase(java.util.Locale.ROOT) + "sen";
    }

    static String article(String variant) {
        // a new person, a new event and quotes: every kind of row an ingest writes
        return "Ferry service to resume\n"
                + "The ferry company approved 3 million dollars for a second boat on Monday, operations manager Tove "
                + surname(variant) + " said.\n"
                + "“Islanders will get a ferry every hour again,” " + surname(variant) + " told reporters.\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"event", "statement"})
    void aFailureAfterTheFirstInsertsLeavesNothingBehind(String table) throws Exception {
        Api api = new Api(graphql);
        String body = article(table);
        db.execute("create trigger quoteline_test_fail before insert on " + table
                + " for each row execute function quoteline_test_fail()");
        Map<String, Long> before = db.counts();

        JsonNode answer = api.ingest(body, "2031-09-10");

        JsonNode error = answer.path("errors").path(0);
        assertEquals("INGEST_FAILED", error.path("extensions").path("code").asText(), answer.toString());
        String message = error.path("message").asText();
        assertTrue(message.contains("could not be stored") && message.contains("nothing of it was saved"), message);
        assertFalse(message.matches("(?is).*(insert|select|trigger|forced failure|sqlstate|exception|org\\.|jdbc).*"),
                "no SQL or internals reach the client: " + message);
        assertFalse(answer.toString().contains("forced failure"), "nowhere in the answer: " + answer);
        assertEquals(before, db.counts(), "no article, speaker, alias, role, event or statement left behind");

        db.execute("drop trigger quoteline_test_fail on " + table);
        JsonNode again = Api.ok(api.ingest(body, "2031-09-10")).get("ingestArticle");
        assertTrue(again.get("created").asBoolean(), "the failed attempt did not claim the article's text: " + again);
        assertEquals(1, db.count("select count(*) from speaker where name = ?", "Tove " + surname(table)));
        assertEquals(2, db.count("select count(*) from statement s join speaker p on p.id = s.speaker_id where p.name = ?",
                "Tove " + surname(table)));
        assertEquals(1, db.count("select count(*) from event e join event_article ea on ea.event_id = e.id "
                + "join article a on a.id = ea.article_id where a.body = ?", body));
    }
}
