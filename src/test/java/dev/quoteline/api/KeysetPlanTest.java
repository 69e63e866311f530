package dev.quoteline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * A page after a cursor early in a long timeline (the usual case: readers page from the start) is planned once per
 * connection, not at every request. PostgreSQL keeps re-planning a prepared statement while each custom plan looks
 * cheaper than the generic one; with the cursor's values as plain parameters it always did here, since the generic plan
 * assumes a third of the rows lie past an unknown bound. {@link EntryQuery#pastCursor} hides the values from the
 * planner, so custom and generic estimates agree and the generic plan is reused.
 */
@QuarkusTest
class KeysetPlanTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPageAfterAnEarlyCursorReusesItsGenericPlan() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.unwrap(PGConnection.class).setPrepareThreshold(1); // prepared on the server from the first execution
            // one speaker with a quarter of 100,000 rows over ten years, like a frequently quoted person
            s.execute("create temp table keyset_probe (speaker int not null, day date not null, rank smallint not null, "
                    + "id bigint primary key)");
            try {
                s.execute("insert into keyset_probe select case when g % 4 = 0 then 1 else g % 500 end, "
                        + "date '2015-01-01' + (g % 3650), (g % 3)::smallint, g from generate_series(1, 100000) g");
                s.execute("create index on keyset_probe (speaker, day, rank, id)");
                s.execute("analyze keyset_probe");
                String page = "select id from keyset_probe where speaker = 1 and %s order by day, rank, id limit 51";
                String hidden = page.formatted(EntryQuery.pastCursor("day, rank, id", ">", "date", "integer", "bigint"));
                String plain = page.formatted("(day, rank, id) > (cast(? as date), ?, ?)");

                assertTrue(genericPlans(c, hidden) > 0, "the generic plan is reused: " + hidden);
                // the reason for the form: with plain parameters this PostgreSQL plans every execution again
                assertEquals(0, genericPlans(c, plain), "every execution planned again: " + plain);
            } finally {
                s.execute("drop table keyset_probe");
            }
        }
    }

    /** Runs the page 12 times, each after another early cursor; how many executions reused the generic plan. */
    private static long genericPlans(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int day = 1; day <= 12; day++) {
                ps.setString(1, "2015-02-%02d".formatted(day));
                ps.setInt(2, 0);
                ps.setLong(3, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    int rows = 0;
                    while (rs.next()) rows++;
                    assertEquals(51, rows);
                }
            }
            try (PreparedStatement q = c.prepareStatement(
                    "select generic_plans from pg_prepared_statements where statement = ?")) {
                q.setString(1, numbered(sql));
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next(), "the statement is prepared on the server");
                    return rs.getLong(1);
                }
            }
        }
    }

    /** The text as the driver sends it: each {@code ?} becomes $1, $2, ... */
    private static String numbered(String sql) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') sb.append('$').append(++n);
            else sb.append(ch);
        }
        return sb.toString();
    }
}
