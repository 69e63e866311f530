package dev.quoteline.db;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sorts a failure from the persistence stack by what the caller should do about it. Hibernate, Narayana and Agroal
 * wrap the driver's {@link SQLException} to different depths (commit failures arrive as a RollbackException whose
 * cause or suppressed exception holds it), so the whole chain is searched for the first SQLState.
 */
public final class DatabaseFailures {
    public enum Kind {
        /** The server cannot be reached or is shutting down: retrying now will not help, a client may retry later. */
        UNAVAILABLE,
        /** PostgreSQL cancelled a statement (statement_timeout). */
        TIMEOUT,
        /** Serialization failure, deadlock or unique violation: the transaction lost a race and may be run again. */
        CONFLICT,
        OTHER
    }

    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", // admin_shutdown: the server is stopping and terminated this session
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now: starting up or shutting down
            "53300"); // too_many_connections
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "23505");

    private DatabaseFailures() {
    }

    public static Kind classify(Throwable failure) {
        if (find(failure, DatabaseUnavailableException.class) != null) {
            return Kind.UNAVAILABLE;
        }
        if (find(failure, DatabaseTimeoutException.class) != null) {
            return Kind.TIMEOUT;
        }
        String state = sqlState(failure);
        if (state != null) {
            if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) return Kind.UNAVAILABLE;
            if (state.equals("57014")) return Kind.TIMEOUT;
            if (CONFLICT_STATES.contains(state)) return Kind.CONFLICT;
            return Kind.OTHER;
        }
        // Agroal reports an empty pool that could not be refilled in time without an SQLState
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException && t.getMessage() != null && t.getMessage().contains("acquisition timeout")) {
                return Kind.UNAVAILABLE;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException) {
                return Kind.UNAVAILABLE;
            }
        }
        return Kind.OTHER;
    }

    /** The first SQLState found in the failure, its causes and suppressed exceptions, or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Translates failures clients should see as such; anything else is returned unchanged. */
    public static RuntimeException translate(RuntimeException failure, java.time.Duration statementTimeout) {
        return switch (classify(failure)) {
            case UNAVAILABLE -> failure instanceof DatabaseUnavailableException ? failure
                    : new DatabaseUnavailableException(failure);
            case TIMEOUT -> failure instanceof DatabaseTimeoutException ? failure
                    : new DatabaseTimeoutException(statementTimeout, failure);
            default -> failure;
        };
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t : chain(failure)) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    /** Breadth-first over causes and suppressed exceptions, each visited once (chains can be cyclic). */
    static Iterable<Throwable> chain(Throwable failure) {
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        java.util.ArrayDeque<Throwable> queue = new java.util.ArrayDeque<>();
        if (failure != null) queue.add(failure);
        while (!queue.isEmpty() && out.size() < 64) {
            Throwable t = queue.poll();
            if (seen.put(t, Boolean.TRUE) != null) continue;
            out.add(t);
            if (t.getCause() != null) queue.add(t.getCause());
            for (Throwable s : t.getSuppressed()) queue.add(s);
            if (t instanceof SQLException sql && sql.getNextException() != null) queue.add(sql.getNextException());
        }
        return out;
    }
}
