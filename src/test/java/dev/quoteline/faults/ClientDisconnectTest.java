package dev.quoteline.faults;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quoteline.support.LogCapture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * A client that closes its connection while its request runs is not a server failure: the request is counted as
 * {@code cancelled}, and nothing is logged as an error. The request is held inside PostgreSQL by a lock this test
 * takes on the statement table, so the client leaves while the server is certainly still working on it.
 */
@QuarkusTest
class ClientDisconnectTest {
    private static final String PROBE = "query DisconnectProbe { timeline(first: 5) { totalCount edges { node { id "
            + "... on Statement { text speaker { name } article { title } } } } } }";

    @TestHTTPResource("/graphql")
    URI graphql;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRequestWhoseClientLeavesIsCountedAsCancelledNotAsAnError() throws Exception {
        try (LogCapture log = new LogCapture()) {
            disconnectDuringTheRequest();
            assertCountedAsCancelledWithoutErrors(log);
        }
    }

    private void disconnectDuringTheRequest() throws Exception {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("lock table statement in access exclusive mode");
            }
            try (Socket client = new Socket(graphql.getHost(), graphql.getPort())) {
                byte[] body = ("{\"query\":\"" + PROBE.replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
                OutputStream out = client.getOutputStream();
                out.write(("POST " + graphql.getPath() + " HTTP/1.1\r\nHost: " + graphql.getHost() + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                try (Connection observer = dataSource.getConnection()) {
                    assertTrue(waitForBlockedQuery(observer), "the probe's query never waited on the lock");
                }
            }
            // the client has gone; give the server's event loop a moment to see the connection close
            Thread.sleep(1000);
            lock.rollback();
        }
    }

    private static void assertCountedAsCancelledWithoutErrors(LogCapture log) throws Exception {
        String counted = null;
        for (int i = 0; i < 100 && counted == null; i++) {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            // every outcome has a series from the operation's first request on: the one counted is not at zero
            counted = metrics.lines().filter(l -> l.startsWith("quoteline_graphql_requests_seconds_count")
                    && l.contains("operation=\"DisconnectProbe\"") && !l.endsWith(" 0.0")).findFirst().orElse(null);
            if (counted == null) Thread.sleep(100);
        }
        assertTrue(counted != null && counted.contains("outcome=\"cancelled\""),
                "the probe should be counted as cancelled: " + counted);
        List<LogRecord> errors = log.records().stream()
                .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() && r.getLoggerName() != null
                        && (r.getLoggerName().startsWith("dev.quoteline") || r.getLoggerName().startsWith("io.smallrye.graphql")))
                .toList();
        assertTrue(errors.isEmpty(), "a client leaving is not a server error: "
                + errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }

    /**
     * Whether another session waits on a lock while running a statement that reads the statement table. Asked from a
     * connection outside the lock's transaction: within one, pg_stat_activity answers from the transaction's snapshot.
     */
    private static boolean waitForBlockedQuery(Connection observer) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Statement s = observer.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where pid <> pg_backend_pid() "
                            + "and wait_event_type = 'Lock' and query ilike '%statement%'")) {
                rs.next();
                if (rs.getLong(1) > 0) return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
