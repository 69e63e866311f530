package dev.quoteline.db;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * Native SQL through Hibernate's session, so that reads share the request's connection and transaction and are counted
 * by Hibernate's statistics (the tests assert a constant number of statements per GraphQL request). A read on a session
 * that holds no entities, in a transaction or a request, goes straight to JDBC through the session's own statement
 * preparer (same connection, same statistics): Hibernate's native-query machinery (a query object, a result-set mapping
 * resolved from the metadata, row assemblers) cost about a tenth of the server's CPU on a timeline page and bought
 * nothing there. A session with entities or pending changes keeps Hibernate's path, which flushes them first as before.
 * Parameters are written {@code ?} in the SQL (numbered here for Hibernate). An unreachable database or a statement
 * cancelled by the time limit surfaces as {@link DatabaseUnavailableException} or {@link DatabaseTimeoutException},
 * which clients see by name.
 */
@ApplicationScoped
public class NativeSql {
    @Inject
    EntityManager em;
    @Inject
    StatementTimeout timeout;

    private final OutageGate gate = new OutageGate(java.time.Duration.ofMillis(500));

    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql, Object... params) {
        checkGate();
        List<?> result;
        try {
            // Outside a transaction and a request, Quarkus lends a session for one call only and closes it as unwrap
            // returns: a statement prepared on it would hold a pooled connection that nothing gives back.
            if (QuarkusTransaction.isActive() || Arc.container().requestContext().isActive()) {
                SessionImplementor session = em.unwrap(SessionImplementor.class);
                if (session.getPersistenceContextInternal().getNumberOfManagedEntities() == 0
                        && !session.getActionQueue().hasAnyQueuedActions()) {
                    return jdbcRows(session, sql, params);
                }
            }
            result = bind(em.createNativeQuery(number(sql)), params).getResultList();
        } catch (RuntimeException e) {
            throw failure(e);
        }
        if (!result.isEmpty() && !(result.get(0) instanceof Object[])) {
            return result.stream().map(o -> new Object[] {o}).toList();
        }
        return (List<Object[]>) result;
    }

    private static List<Object[]> jdbcRows(SessionImplementor session, String sql, Object[] params) {
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        ResultSet resultSet = null;
        boolean success = false;
        try {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            resultSet = jdbc.getResultSetReturn().extract(statement, sql);
            int columns = resultSet.getMetaData().getColumnCount();
            List<Object[]> rows = new ArrayList<>();
            while (resultSet.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    Object value = resultSet.getObject(c + 1);
                    // read now: a driver array may need its connection, which goes back to the pool after this
                    row[c] = value instanceof Array array ? array.getArray() : value;
                }
                rows.add(row);
            }
            success = true;
            return rows;
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "native read", sql);
        } finally {
            if (resultSet != null) {
                jdbc.getLogicalConnection().getResourceRegistry().release(resultSet, statement);
            }
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
            // as Hibernate's own queries end (AbstractSelectionQuery.afterQuery): outside a transaction the session
            // gives its connection back now, else every request held one to its end and the pool ran dry
            if (!session.isTransactionInProgress()) {
                jdbc.getLogicalConnection().afterTransaction();
            }
            session.afterOperation(success);
        }
    }

    public Object value(String sql, Object... params) {
        List<Object[]> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    public int update(String sql, Object... params) {
        checkGate();
        try {
            return bind(em.createNativeQuery(number(sql)), params).executeUpdate();
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private void checkGate() {
        if (!gate.admits(System.nanoTime())) {
            throw new DatabaseUnavailableException(null);
        }
    }

    private RuntimeException failure(RuntimeException e) {
        if (OutageGate.isRefusedConnection(e)) {
            gate.connectionRefused(System.nanoTime());
        }
        return DatabaseFailures.translate(e, timeout.limit());
    }

    private static Query bind(Query query, Object[] params) {
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }

    static String number(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            out.append(c);
            if (c == '?') {
                out.append(++n);
            }
        }
        return out.toString();
    }

    // Hibernate returns JDBC's own types for native scalars; these convert whatever arrives.

    public static Long toLong(Object o) {
        if (o == null) return null;
        if (o instanceof Number n) return n.longValue();
        return Long.parseLong(o.toString());
    }

    public static Integer toInt(Object o) {
        if (o == null) return null;
        if (o instanceof Number n) return n.intValue();
        return Integer.parseInt(o.toString());
    }

    public static LocalDate toDate(Object o) {
        if (o == null) return null;
        if (o instanceof LocalDate d) return d;
        if (o instanceof java.sql.Date d) return d.toLocalDate();
        if (o instanceof LocalDateTime t) return t.toLocalDate();
        return isoDate(o.toString());
    }

    /**
     * {@code 2023-03-01} as a date. The common form is read digit by digit: {@code LocalDate.parse}'s general formatter
     * was 2.7 % of a timeline page's request-thread CPU (async-profiler, W1), reading each speaker's roles. Anything
     * else, an impossible day included, goes to {@code LocalDate.parse}, which reads it or names the text in its error.
     */
    public static LocalDate isoDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1
                    && day <= java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public static OffsetDateTime toDateTime(Object o) {
        if (o == null) return null;
        if (o instanceof OffsetDateTime t) return t;
        if (o instanceof Timestamp t) return t.toInstant().atOffset(ZoneOffset.UTC);
        if (o instanceof Instant i) return i.atOffset(ZoneOffset.UTC);
        if (o instanceof java.time.ZonedDateTime z) return z.toOffsetDateTime();
        return OffsetDateTime.parse(o.toString());
    }

    public static String[] toStringArray(Object o) {
        if (o == null) return new String[0];
        if (o instanceof String[] a) return a;
        if (o instanceof Object[] a) return java.util.Arrays.stream(a).map(String::valueOf).toArray(String[]::new);
        if (o instanceof Array a) {
            try {
                return (String[]) a.getArray();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("not an array: " + o.getClass());
    }

    public static long count(Object o) {
        if (o instanceof BigInteger b) return b.longValue();
        if (o instanceof BigDecimal b) return b.longValue();
        return o == null ? 0 : ((Number) o).longValue();
    }
}
