package dev.quoteline.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Native SQL through Hibernate's session, so that reads share the request's connection and transaction and are counted
 * by Hibernate's statistics (the tests assert a constant number of statements per GraphQL request). Parameters are
 * written {@code ?} in the SQL and numbered here. An unreachable database or a statement cancelled by the time limit
 * surfaces as {@link DatabaseUnavailableException} or {@link DatabaseTimeoutException}, which clients see by name.
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
            result = bind(em.createNativeQuery(number(sql)), params).getResultList();
        } catch (RuntimeException e) {
            throw failure(e);
        }
        if (!result.isEmpty() && !(result.get(0) instanceof Object[])) {
            return result.stream().map(o -> new Object[] {o}).toList();
        }
        return (List<Object[]>) result;
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
        return LocalDate.parse(o.toString());
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
