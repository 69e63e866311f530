package dev.quoteline.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quoteline.db.DatabaseTimeoutException;
import dev.quoteline.db.NativeSql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** quoteline.db.statement-timeout (5 s, the shipped default, in the test profile too) cancels slow database work. */
@QuarkusTest
class StatementTimeoutTest {
    @TestHTTPResource("/graphql")
    URI graphql;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    NativeSql sql;

    @Test
    void everyPooledConnectionCarriesTheLimit() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("show statement_timeout")) {
            rs.next();
            assertEquals("5s", rs.getString(1));
        }
    }

    @Test
    void aSlowQueryIsCancelledWithAClearError() {
        long t0 = System.nanoTime();
        DatabaseTimeoutException e = assertThrows(DatabaseTimeoutException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> sql.value("select pg_sleep(30)")));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds >= 4.5 && seconds < 15, "cancelled at the limit, not before or much after: " + seconds);
        assertTrue(e.getMessage().contains("limit of 5 s"), e.getMessage());
    }

    @Test
    void aSlowIngestIsCancelledAndStoresNothing() throws Exception {
        Db db = new Db(dataSource);
        db.execute("""
                create or replace function quoteline_test_slow() returns trigger language plpgsql as $$
                begin perform pg_sleep(30); return new; end $$""");
        db.execute("create trigger quoteline_test_slow before insert on statement "
                + "for each row execute function quoteline_test_slow()");
        try {
            Map<String, Long> before = db.counts();
            long t0 = System.nanoTime();
            JsonNode answer = new Api(graphql).ingest(IngestAtomicityTest.article("slow"), "2031-09-10");
            double seconds = (System.nanoTime() - t0) / 1e9;

            JsonNode error = answer.path("errors").path(0);
            assertEquals("DATABASE_TIMEOUT", error.path("extensions").path("code").asText(), answer.toString());
            assertTrue(error.path("message").asText().startsWith("the request needed more database time than the limit"),
                    answer.toString());
            assertTrue(seconds < 20, "answered after " + seconds + " s");
            assertEquals(before, db.counts());
        } finally {
            db.execute("drop trigger if exists quoteline_test_slow on statement");
        }
    }
}
