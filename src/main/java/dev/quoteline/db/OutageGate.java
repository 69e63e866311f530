package dev.quoteline.db;

/**
 * Remembers for a moment that PostgreSQL refused a new connection, so that the requests arriving right after fail at
 * once instead of each queueing in the pool for a connection that cannot be made (Agroal makes a caller that finds
 * others already waiting wait up to a second before trying itself, and SmallRye GraphQL runs a limited number of
 * blocking requests at a time: a burst during an outage would otherwise be answered seconds late). Only a refused
 * or failed connection attempt closes the gate; a query that fails on an open connection or a busy pool does not,
 * since neither means the server is gone. The gate opens again by itself, and the next request tries the database.
 */
public final class OutageGate {
    private final long holdNanos;
    private volatile long closedUntil;
    private volatile boolean closed;

    public OutageGate(java.time.Duration hold) {
        this.holdNanos = hold.toNanos();
    }

    /** Whether a request may try the database now. */
    public boolean admits(long nowNanos) {
        return !closed || nowNanos - closedUntil >= 0;
    }

    public void connectionRefused(long nowNanos) {
        closedUntil = nowNanos + holdNanos;
        closed = true;
    }

    /** A connection attempt failed: the server is not accepting connections (stopped, starting, shutting down). */
    public static boolean isRefusedConnection(Throwable failure) {
        String state = DatabaseFailures.sqlState(failure);
        if ("08001".equals(state) || "08004".equals(state) || "57P03".equals(state)) {
            return true;
        }
        for (Throwable t : DatabaseFailures.chain(failure)) {
            if (t instanceof java.net.ConnectException) return true;
        }
        return false;
    }
}
