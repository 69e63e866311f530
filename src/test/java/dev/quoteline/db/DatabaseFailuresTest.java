package dev.quoteline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {
    private static RuntimeException wrapped(String sqlState) {
        // the depth Hibernate and Narayana wrap a driver error to, with the SQLException on a suppressed branch
        RuntimeException commit = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new IllegalStateException("flush", new SQLException("driver says no", sqlState)));
        return new RuntimeException("outer", commit);
    }

    @Test
    void classifiesBySqlStateAnywhereInTheChain() {
        assertEquals(DatabaseFailures.Kind.CONFLICT, DatabaseFailures.classify(wrapped("40001")));
        assertEquals(DatabaseFailures.Kind.CONFLICT, DatabaseFailures.classify(wrapped("40P01")));
        assertEquals(DatabaseFailures.Kind.CONFLICT, DatabaseFailures.classify(wrapped("23505")));
        assertEquals(DatabaseFailures.Kind.TIMEOUT, DatabaseFailures.classify(wrapped("57014")));
        assertEquals(DatabaseFailures.Kind.UNAVAILABLE, DatabaseFailures.classify(wrapped("08006")));
        assertEquals(DatabaseFailures.Kind.UNAVAILABLE, DatabaseFailures.classify(wrapped("57P01")));
        assertEquals(DatabaseFailures.Kind.OTHER, DatabaseFailures.classify(wrapped("23503")));
        assertEquals(DatabaseFailures.Kind.OTHER, DatabaseFailures.classify(wrapped("P0001")));
        assertEquals(DatabaseFailures.Kind.OTHER, DatabaseFailures.classify(new IllegalStateException("a bug")));
        assertEquals(DatabaseFailures.Kind.UNAVAILABLE, DatabaseFailures.classify(
                new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void translatesOnlyWhatClientsShouldSeeByName() {
        RuntimeException unavailable = DatabaseFailures.translate(wrapped("08001"), Duration.ofSeconds(5));
        assertTrue(unavailable instanceof DatabaseUnavailableException);
        assertEquals("the database is unavailable; try again shortly", unavailable.getMessage());
        RuntimeException timeout = DatabaseFailures.translate(wrapped("57014"), Duration.ofMillis(1500));
        assertTrue(timeout instanceof DatabaseTimeoutException);
        assertTrue(timeout.getMessage().contains("limit of 1500 ms"), timeout.getMessage());
        RuntimeException other = wrapped("23503");
        assertSame(other, DatabaseFailures.translate(other, Duration.ofSeconds(5)));
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertEquals(DatabaseFailures.Kind.OTHER, DatabaseFailures.classify(b));
    }

    @Test
    void theGateClosesOnARefusedConnectionOnlyAndReopensByItself() {
        OutageGate gate = new OutageGate(Duration.ofMillis(500));
        long t = 1_000_000_000L;
        assertTrue(gate.admits(t));
        assertFalse(OutageGate.isRefusedConnection(wrapped("08006")), "a broken open connection is not an outage");
        assertFalse(OutageGate.isRefusedConnection(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))),
                "a busy pool is not an outage");
        assertTrue(OutageGate.isRefusedConnection(wrapped("08001")));
        assertTrue(OutageGate.isRefusedConnection(new RuntimeException(new ConnectException("Connection refused"))));
        gate.connectionRefused(t);
        assertFalse(gate.admits(t + 499_000_000L));
        assertTrue(gate.admits(t + 500_000_000L));
    }
}
