package dev.quoteline.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quoteline.ingest.ContentHash;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Twenty clients at once, released together, through the real HTTP endpoint. */
@QuarkusTest
class ConcurrentIngestTest {
    private static final int CLIENTS = 20;

    @TestHTTPResource("/graphql")
    URI graphql;
    @Inject
    AgroalDataSource dataSource;

    static String harbourArticle(String marker, int copy) {
        return "Harbour board approves breakwater money\n"
                + "The harbour board approved 12 million dollars for the new breakwater on Monday, board chair Maren "
                + marker + " said.\n"
                + "“The breakwater protects every boat in this harbour,” " + marker + " told reporters.\n"
                + "This is report number " + copy + " of the meeting.\n";
    }

    /** Runs every task on its own thread, all starting at the same moment, and returns their answers. */
    private static List<JsonNode> together(List<Callable<JsonNode>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (Callable<JsonNode> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<JsonNode> answers = new ArrayList<>();
            for (Future<JsonNode> f : futures) answers.add(f.get(120, TimeUnit.SECONDS));
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameArticleFromTwentyClientsIsStoredOnce() throws Exception {
        Api api = new Api(graphql);
        Db db = new Db(dataSource);
        String body = harbourArticle("Oddvik", 0).replace("every boat", "the old quay")
                + "Copy check " + System.nanoTime() + ".\n";
        List<Callable<JsonNode>> tasks = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) tasks.add(() -> api.ingest(body, "2031-05-14"));

        List<JsonNode> answers = together(tasks);

        int created = 0;
        Set<String> ids = new HashSet<>();
        for (JsonNode answer : answers) {
            JsonNode result = Api.ok(answer).get("ingestArticle");
            if (result.get("created").asBoolean()) created++;
            ids.add(result.get("article").get("id").asText());
        }
        assertEquals(1, created, "exactly one client created the article: " + answers);
        assertEquals(1, ids.size(), "every client got the same article: " + ids);
        assertEquals(1, db.count("select count(*) from article where content_hash = ?", ContentHash.of(body)));
        assertTrue(db.count("select count(*) from statement s join article a on a.id = s.article_id "
                + "where a.content_hash = ?", ContentHash.of(body)) >= 2, "its statements were stored once");
    }

    @Test
    void twentyArticlesNamingTheSameNewSpeakerCreateOneSpeakerAndOneEvent() throws Exception {
        Api api = new Api(graphql);
        Db db = new Db(dataSource);
        // a surname no other test uses, so the speaker is new to the database when the twenty arrive
        String surname = "Brennholt";
        assertEquals(0, db.count("select count(*) from speaker where name like ?", "%" + surname + "%"));
        List<Callable<JsonNode>> tasks = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String body = harbourArticle(surname, i);
            tasks.add(() -> api.ingest(body, "2031-06-11"));
        }

        List<JsonNode> answers = together(tasks);

        for (JsonNode answer : answers) {
            assertTrue(Api.ok(answer).get("ingestArticle").get("created").asBoolean(), answer.toString());
        }
        assertEquals(1, db.count("select count(*) from speaker where name like ?", "%" + surname + "%"),
                "one speaker row for the one new person");
        assertEquals(1, db.count("select count(distinct speaker_id) from statement where text like ?",
                "%breakwater protects every boat%"), "all twenty articles' quotes point at that one speaker");
        assertEquals(CLIENTS, db.count("select count(*) from statement where text like ?",
                "%breakwater protects every boat%"));
        // The same approval reported twenty times is one event reported by twenty articles, as when sent in turn.
        assertEquals(1, db.count("select count(*) from event where title like ? and when_start = date '2031-06-09'",
                "%approved 12 million dollars%"));
        assertEquals(CLIENTS, db.count("select count(*) from event_article ea join event e on e.id = ea.event_id "
                + "where e.title like ? and e.when_start = date '2031-06-09'", "%approved 12 million dollars%"));
    }

    @Test
    void twentyArticlesReportingTheSameNewEventThroughDifferentPeopleCreateOneEvent() throws Exception {
        Api api = new Api(graphql);
        Db db = new Db(dataSource);
        String[] surnames = {"Aasgard", "Bergvik", "Dahlmo", "Eikrem", "Fjellstad", "Grotle", "Haugvoll", "Istad",
                "Jorstad", "Kjelsvik", "Lillevik", "Moldestad", "Nesheim", "Ostrem", "Prestvik", "Rognstad",
                "Sandvoll", "Tverberg", "Ulvestad", "Vangsnes"};
        List<Callable<JsonNode>> tasks = new ArrayList<>();
        for (String surname : surnames) {
            // no speaker in common, so nothing but the event's own merge rule decides whether they are one event
            String body = "Tunnel funding approved\n"
                    + "The county council approved 90 million dollars for the mountain tunnel on Tuesday, councillor Siri "
                    + surname + " said.\n"
                    + "“The tunnel will shorten the trip by an hour,” " + surname + " told the local paper.\n";
            tasks.add(() -> api.ingest(body, "2031-10-16"));
        }

        // Stores are a few milliseconds long and the analyses before them finish at different moments, so on their
        // own the twenty would rarely overlap. A short pause on each statement row holds every transaction open after
        // its event lookup, so that without serialised merging the race would show.
        db.execute("""
                create or replace function quoteline_test_pause() returns trigger language plpgsql as $$
                begin perform pg_sleep(0.05); return new; end $$""");
        db.execute("create trigger quoteline_test_pause before insert on statement "
                + "for each row execute function quoteline_test_pause()");
        List<JsonNode> answers;
        try {
            answers = together(tasks);
        } finally {
            db.execute("drop trigger quoteline_test_pause on statement");
        }

        for (JsonNode answer : answers) {
            assertTrue(Api.ok(answer).get("ingestArticle").get("created").asBoolean(), answer.toString());
        }
        assertEquals(1, db.count("select count(*) from event where title like ?", "%approved 90 million dollars%"),
                "the approval twenty articles report is one event, as when they are sent one after another");
        assertEquals(surnames.length, db.count("select count(*) from event_article ea join event e on e.id = ea.event_id "
                + "where e.title like ?", "%approved 90 million dollars%"));
    }
}
