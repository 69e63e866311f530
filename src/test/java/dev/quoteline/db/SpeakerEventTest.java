package dev.quoteline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * speaker_event (V4__speaker_event.sql) holds exactly the events each speaker took part in or spoke at, with the
 * event's sort key, whatever writes to the tables it is made from: it is compared with its definition after the seed
 * load and after each kind of change. Each test works in one transaction that it rolls back.
 */
@QuarkusTest
class SpeakerEventTest {
    private static final String DEFINITION = """
            select x.speaker_id, e.id, e.sort_day, e.precision_rank
            from (select speaker_id, event_id from event_participant
                  union select speaker_id, occasion_event_id from statement
                  where occasion_event_id is not null and speaker_id is not null) x
            join event e on e.id = x.event_id order by 1, 2""";
    private static final String STORED =
            "select speaker_id, event_id, sort_day, precision_rank from speaker_event order by 1, 2";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSeedLoadFillsItByItsDefinition() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<List<Object>> stored = rows(c, STORED);
            assertFalse(stored.isEmpty(), "the seeds have events with participants");
            assertEquals(rows(c, DEFINITION), stored);
        }
    }

    @Test
    void everyKindOfChangeKeepsItByItsDefinition() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long article = value(c, "select min(id) from article");
                long speaker = value(c, "insert into speaker (name, name_key, kind, created_at) "
                        + "values ('Test Speaker One', 'test speaker one', 'PERSON', now()) returning id");
                long other = value(c, "insert into speaker (name, name_key, kind, created_at) "
                        + "values ('Test Speaker Two', 'test speaker two', 'PERSON', now()) returning id");
                long event = value(c, "select min(id) from event");
                long statement = value(c, "select min(id) from statement");
                String pair = "select count(*) from speaker_event where speaker_id = ? and event_id = ?";

                // taking part
                update(c, "insert into event_participant (event_id, speaker_id) values (?, ?)", event, speaker);
                assertEquals(1, value(c, pair, speaker, event));
                check(c);
                // speaking at it too, then no longer taking part: still theirs
                update(c, "update statement set speaker_id = ?, occasion_event_id = ? where id = ?", speaker, event, statement);
                update(c, "delete from event_participant where event_id = ? and speaker_id = ?", event, speaker);
                assertEquals(1, value(c, pair, speaker, event));
                check(c);
                // the statement moved to another speaker (a merge does this): the event goes with it
                update(c, "update statement set speaker_id = ? where id = ?", other, statement);
                assertEquals(0, value(c, pair, speaker, event));
                assertEquals(1, value(c, pair, other, event));
                check(c);
                // the event re-dated: the copy of its sort key follows
                update(c, "update event set when_start = when_start - 400, precision_rank = 0 where id = ?", event);
                assertTrue(value(c, "select count(*) from speaker_event se join event e on e.id = se.event_id "
                        + "where se.event_id = ? and (se.sort_day, se.precision_rank) = (e.sort_day, e.precision_rank)", event) > 0);
                check(c);
                // the statement no longer at the event, then a statement at it deleted, then the speaker deleted
                update(c, "update statement set occasion_event_id = null where id = ?", statement);
                check(c);
                update(c, "update statement set occasion_event_id = ? where id = ?", event, statement);
                update(c, "delete from statement where id = ?", statement);
                check(c);
                update(c, "insert into event_participant (event_id, speaker_id) values (?, ?)", event, other);
                update(c, "delete from speaker where id = ?", other);
                assertEquals(0, value(c, "select count(*) from speaker_event where speaker_id = ?", other));
                check(c);
                // the event deleted, and an article with its statements (cascades)
                update(c, "delete from event where id = ?", event);
                assertEquals(0, value(c, "select count(*) from speaker_event where event_id = ?", event));
                check(c);
                update(c, "delete from article where id = ?", article);
                check(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static void check(Connection c) throws SQLException {
        assertEquals(rows(c, DEFINITION), rows(c, STORED));
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.add(rs.getObject(i));
                out.add(row);
            }
        }
        return out;
    }

    private static long value(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            s.executeUpdate();
        }
    }
}
