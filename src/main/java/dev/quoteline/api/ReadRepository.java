package dev.quoteline.api;

import dev.quoteline.db.NativeSql;
import dev.quoteline.extract.EventStatus;
import dev.quoteline.extract.SpeakerKind;
import dev.quoteline.extract.StatementKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read projections by id lists: one statement per call whatever the number of ids (the batch loaders rely on it). */
@ApplicationScoped
public class ReadRepository {
    /** A statement's columns that every page reads (a timeline page's statement: when it asks for nothing else). */
    static final String STATEMENT_CORE = """
            s.id, s.article_id, s.speaker_id, s.occasion_event_id, s.text, s.kind, s.said_start, s.said_end,
            s.said_precision, s.said_expression""";
    /** {@link StatementView.Detail}'s columns. */
    static final String STATEMENT_DETAIL = """
            s.start_offset, s.end_offset, s.mention_text, s.mention_start, s.mention_end, s.cue_text, s.cue_start,
            s.cue_end, s.paragraph_index, s.sentence, s.sentence_start, s.sentence_end""";
    static final String STATEMENT_COLUMNS = STATEMENT_CORE + ", " + STATEMENT_DETAIL;
    static final String EVENT_CORE = """
            e.id, e.title, e.kind, e.status, e.when_start, e.when_end, e.when_precision, e.when_expression""";
    /** {@link EventView.Detail}'s columns. */
    static final String EVENT_DETAIL = "e.sentence, e.places, e.participant_names";
    static final String EVENT_COLUMNS = EVENT_CORE + ", " + EVENT_DETAIL;
    static final String ARTICLE_CORE = "a.id, a.title, a.publisher";
    /** {@link ArticleView.Detail}'s columns. */
    static final String ARTICLE_DETAIL = """
            a.section, a.url, a.published_on, a.published_at, a.content_hash, a.ingested_at, a.published_offset""";
    /** An article's columns as {@link #article(Object[])} reads them (table alias {@code a}). */
    public static final String ARTICLE_COLUMNS = ARTICLE_CORE + ", " + ARTICLE_DETAIL;
    static final int STATEMENT_CORE_WIDTH = 10;
    static final int EVENT_CORE_WIDTH = 8;
    static final int ARTICLE_CORE_WIDTH = 3;

    @Inject
    NativeSql sql;

    /** Highlighting for search hits: matched words in {@code <mark>}, up to two fragments. */
    private static final String HEADLINE = "'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=\" … \"'";

    public List<StatementView> statements(List<Long> ids) {
        return statements(ids, null);
    }

    /** With a search, each statement carries a highlighted snippet of its text. */
    public List<StatementView> statements(List<Long> ids, String search) {
        if (ids.isEmpty()) return List.of();
        if (search == null) {
            return sql.rows("select " + STATEMENT_COLUMNS + " from statement s where s.id = " + EntryQuery.ANY_ID,
                            EntryQuery.idArray(ids))
                    .stream().map(ReadRepository::statement).toList();
        }
        // the tsquery once, in FROM (a parameter inline is parsed again per row in a generic plan)
        return sql.rows("select " + STATEMENT_COLUMNS + ", ts_headline('english', s.text, q.q, " + HEADLINE
                        + ") from websearch_to_tsquery('english', ?) q(q) cross join statement s where s.id = "
                        + EntryQuery.ANY_ID, search, EntryQuery.idArray(ids))
                .stream().map(r -> statement(r, (String) r[22])).toList();
    }

    public List<EventView> events(List<Long> ids) {
        return events(ids, null);
    }

    public List<EventView> events(List<Long> ids, String search) {
        if (ids.isEmpty()) return List.of();
        if (search == null) {
            return sql.rows("select " + EVENT_COLUMNS + " from event e where e.id = " + EntryQuery.ANY_ID,
                            EntryQuery.idArray(ids))
                    .stream().map(ReadRepository::event).toList();
        }
        return sql.rows("select " + EVENT_COLUMNS + ", ts_headline('english', e.title || ' — ' || e.sentence, q.q, "
                        + HEADLINE + ") from websearch_to_tsquery('english', ?) q(q) cross join event e where e.id = "
                        + EntryQuery.ANY_ID, search, EntryQuery.idArray(ids))
                .stream().map(r -> event(r, (String) r[11])).toList();
    }

    public List<SpeakerView> speakers(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return sql.rows("select s.id, s.name, s.kind from speaker s where s.id = " + EntryQuery.ANY_ID,
                        EntryQuery.idArray(ids))
                .stream().map(ReadRepository::speaker).toList();
    }

    /**
     * The speakers with their roles in the same statement (one row per role, newest first, as {@code Speaker.roles}
     * orders them), for a page whose client asked for both.
     */
    public List<SpeakerView> speakersWithRoles(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        List<SpeakerView> out = new ArrayList<>();
        SpeakerView current = null;
        for (Object[] r : sql.rows("""
                select s.id, s.name, s.kind, r.id, r.label, r.title, r.organization, r.stated_on
                from speaker s left join speaker_role r on r.speaker_id = s.id
                where s.id = """ + EntryQuery.ANY_ID + " order by s.id, r.stated_on desc nulls last, r.id",
                EntryQuery.idArray(ids))) {
            if (current == null || current.rowId() != NativeSql.toLong(r[0])) {
                current = speaker(r).withPrefetchedRoles(new ArrayList<>());
                out.add(current);
            }
            if (r[3] != null) {
                current.prefetchedRoles().add(new RoleView((String) r[4], (String) r[5], (String) r[6],
                        NativeSql.toDate(r[7])));
            }
        }
        return out;
    }

    public List<ArticleView> articles(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return sql.rows("select " + ARTICLE_COLUMNS + " from article a where a.id = " + EntryQuery.ANY_ID,
                        EntryQuery.idArray(ids))
                .stream().map(ReadRepository::article).toList();
    }

    /** The rows for {@code ids}, in the order of {@code ids} (null where missing), as batch loaders must return. */
    public static <T> List<T> inOrder(List<Long> ids, List<T> rows, java.util.function.ToLongFunction<T> idOf) {
        Map<Long, T> byId = new HashMap<>();
        for (T row : rows) byId.put(idOf.applyAsLong(row), row);
        List<T> out = new ArrayList<>(ids.size());
        for (Long id : ids) out.add(id == null ? null : byId.get(id));
        return out;
    }

    static StatementView statement(Object[] r) {
        return statement(r, null);
    }

    /** A row of {@link #STATEMENT_COLUMNS}. */
    static StatementView statement(Object[] r, String snippet) {
        return new StatementView(NativeSql.toLong(r[0]), NativeSql.toLong(r[1]), NativeSql.toLong(r[2]),
                NativeSql.toLong(r[3]), (String) r[4], StatementKind.valueOf((String) r[5]), saidOn(r, 0),
                statementDetail(r, STATEMENT_CORE_WIDTH), snippet);
    }

    /** {@link #STATEMENT_CORE}'s columns from {@code at} in {@code r}, the rest to be read when asked for. */
    static StatementView statement(Object[] r, int at, RestOfPage<StatementView.Detail> rest) {
        rest.add(NativeSql.toLong(r[at]));
        return new StatementView(NativeSql.toLong(r[at]), NativeSql.toLong(r[at + 1]), NativeSql.toLong(r[at + 2]),
                NativeSql.toLong(r[at + 3]), (String) r[at + 4], StatementKind.valueOf((String) r[at + 5]), saidOn(r, at),
                rest);
    }

    private static When saidOn(Object[] r, int at) {
        return When.of(NativeSql.toDate(r[at + 6]), NativeSql.toDate(r[at + 7]), (String) r[at + 8], (String) r[at + 9]);
    }

    /** {@link #STATEMENT_DETAIL}'s columns from {@code at} in {@code r}. */
    static StatementView.Detail statementDetail(Object[] r, int at) {
        return new StatementView.Detail(NativeSql.toInt(r[at]), NativeSql.toInt(r[at + 1]),
                TextSpan.of((String) r[at + 5], NativeSql.toInt(r[at + 6]), NativeSql.toInt(r[at + 7])),
                TextSpan.of((String) r[at + 2], NativeSql.toInt(r[at + 3]), NativeSql.toInt(r[at + 4])),
                NativeSql.toInt(r[at + 8]),
                TextSpan.of((String) r[at + 9], NativeSql.toInt(r[at + 10]), NativeSql.toInt(r[at + 11])));
    }

    static EventView event(Object[] r) {
        return event(r, null);
    }

    /** A row of {@link #EVENT_COLUMNS}. */
    static EventView event(Object[] r, String snippet) {
        return new EventView(NativeSql.toLong(r[0]), (String) r[1], (String) r[2], EventStatus.valueOf((String) r[3]),
                eventWhen(r, 0), eventDetail(r, EVENT_CORE_WIDTH), snippet);
    }

    /** {@link #EVENT_CORE}'s columns from {@code at} in {@code r}, the rest to be read when asked for. */
    static EventView event(Object[] r, int at, RestOfPage<EventView.Detail> rest) {
        rest.add(NativeSql.toLong(r[at]));
        return new EventView(NativeSql.toLong(r[at]), (String) r[at + 1], (String) r[at + 2],
                EventStatus.valueOf((String) r[at + 3]), eventWhen(r, at), rest);
    }

    private static When eventWhen(Object[] r, int at) {
        return When.of(NativeSql.toDate(r[at + 4]), NativeSql.toDate(r[at + 5]), (String) r[at + 6], (String) r[at + 7]);
    }

    /** {@link #EVENT_DETAIL}'s columns from {@code at} in {@code r}. */
    static EventView.Detail eventDetail(Object[] r, int at) {
        return new EventView.Detail((String) r[at], Arrays.asList(NativeSql.toStringArray(r[at + 1])),
                Arrays.asList(NativeSql.toStringArray(r[at + 2])));
    }

    private static java.time.OffsetDateTime withOffset(java.time.OffsetDateTime instant, String offset) {
        return instant == null || offset == null ? instant
                : instant.withOffsetSameInstant(java.time.ZoneOffset.of(offset));
    }

    static SpeakerView speaker(Object[] r) {
        return new SpeakerView(NativeSql.toLong(r[0]), (String) r[1], SpeakerKind.valueOf((String) r[2]));
    }

    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    /**
     * A speaker's roles as {@link #ROLES_JSON} writes them: {@code [[label, title, organization, stated_on], ...]},
     * newest first; {@code []} or null (no roles) is an empty list.
     */
    static List<RoleView> roles(String json) {
        List<RoleView> out = new ArrayList<>();
        if (json == null) {
            return out;
        }
        try (com.fasterxml.jackson.core.JsonParser parser = JSON.createParser(json)) {
            expect(parser.nextToken(), com.fasterxml.jackson.core.JsonToken.START_ARRAY, json);
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                String[] fields = new String[4];
                for (int i = 0; i < fields.length; i++) {
                    parser.nextToken();
                    fields[i] = parser.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_NULL ? null : parser.getText();
                }
                out.add(new RoleView(fields[0], fields[1], fields[2], fields[3] == null ? null : NativeSql.isoDate(fields[3])));
                expect(parser.nextToken(), com.fasterxml.jackson.core.JsonToken.END_ARRAY, json);
            }
            expect(parser.currentToken(), com.fasterxml.jackson.core.JsonToken.END_ARRAY, json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable roles from the database: " + json, e);
        }
        return out;
    }

    /**
     * A speaker's role labels as {@link #ROLE_LABELS} reads them (a {@code text[]}, newest first; null or empty when
     * none), each role's other parts left to {@code rest}, which reads every role of the page's speakers whole.
     */
    static List<RoleView> roleLabels(long speakerRowId, Object labels, RestOfPage<List<RoleView>> rest) {
        String[] read = NativeSql.toStringArray(labels);
        List<RoleView> out = new ArrayList<>(read.length);
        if (read.length > 0) {
            rest.add(speakerRowId);
        }
        for (int i = 0; i < read.length; i++) {
            if (read[i] == null) {
                throw new IllegalStateException("Unreadable roles from the database: a null label for speaker " + speakerRowId);
            }
            out.add(new RoleView(speakerRowId, i, read[i], rest));
        }
        return out;
    }

    private static void expect(com.fasterxml.jackson.core.JsonToken token, com.fasterxml.jackson.core.JsonToken expected, String json) {
        if (token != expected) {
            throw new IllegalStateException("Unreadable roles from the database (" + expected + " expected, " + token + " found): " + json);
        }
    }

    /**
     * A speaker's roles, newest first as {@code Speaker.roles} orders them, as one JSON text ({@link #roles(String)}).
     * An array built from an ordered subquery rather than an ordered {@code json_agg}: the aggregate sorts its input
     * whatever the index, once per speaker of the page, while the subquery takes the order of
     * {@code speaker_role_newest_idx} (V5) as it stands, index-only (README "Fourteenth round").
     */
    static final String ROLES_JSON = """
            array_to_json(array(select json_build_array(r.label, r.title, r.organization, r.stated_on)
                                from speaker_role r where r.speaker_id = sp.id
                                order by r.stated_on desc nulls last, r.id))::text""";

    /**
     * A speaker's role labels alone, in {@link #ROLES_JSON}'s order, for a page whose query asks for no other part of a
     * role ({@link #roleLabels}): the same index-only walk into a plain array. Building a JSON pair per role (its id and
     * label) cost PostgreSQL about a tenth of W1's statement more than the labels alone (README "Sixteenth round").
     */
    static final String ROLE_LABELS = """
            array(select r.label from speaker_role r where r.speaker_id = sp.id
                  order by r.stated_on desc nulls last, r.id)""";

    /** {@code "s.id, s.text"} as {@code "s.id as s_id, s.text as s_text"}: a table's columns named apart from another's. */
    static String aliased(String columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns.split(",")) {
            String c = column.strip();
            if (out.length() > 0) out.append(", ");
            out.append(c).append(" as ").append(c.replace('.', '_'));
        }
        return out.toString();
    }

    /** A row of {@link #ARTICLE_COLUMNS}. */
    static ArticleView article(Object[] r) {
        return new ArticleView(NativeSql.toLong(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                NativeSql.toDate(r[5]), withOffset(NativeSql.toDateTime(r[6]), (String) r[9]), (String) r[7],
                NativeSql.toDateTime(r[8]));
    }

    /** {@link #ARTICLE_CORE}'s columns from {@code at} in {@code r}, the rest to be read when asked for. */
    static ArticleView article(Object[] r, int at, RestOfPage<ArticleView.Detail> rest) {
        rest.add(NativeSql.toLong(r[at]));
        return new ArticleView(NativeSql.toLong(r[at]), (String) r[at + 1], (String) r[at + 2], rest);
    }

    /** {@link #ARTICLE_DETAIL}'s columns from {@code at} in {@code r}. */
    static ArticleView.Detail articleDetail(Object[] r, int at) {
        return new ArticleView.Detail((String) r[at], (String) r[at + 1], NativeSql.toDate(r[at + 2]),
                withOffset(NativeSql.toDateTime(r[at + 3]), (String) r[at + 6]), (String) r[at + 4],
                NativeSql.toDateTime(r[at + 5]));
    }

    /** The left-out columns of a page's statements, events or articles, for {@link RestOfPage}. */
    RestOfPage<StatementView.Detail> statementDetails() {
        return new RestOfPage<>("statement", ids -> details("select s.id, " + STATEMENT_DETAIL + " from statement s where s.id = ",
                ids, r -> statementDetail(r, 1)));
    }

    RestOfPage<EventView.Detail> eventDetails() {
        return new RestOfPage<>("event", ids -> details("select e.id, " + EVENT_DETAIL + " from event e where e.id = ", ids,
                r -> eventDetail(r, 1)));
    }

    RestOfPage<ArticleView.Detail> articleDetails() {
        return new RestOfPage<>("article", ids -> details("select a.id, " + ARTICLE_DETAIL + " from article a where a.id = ",
                ids, r -> articleDetail(r, 1)));
    }

    /** Every role of the given speakers, whole and in {@link #ROLES_JSON}'s order (an empty list for one with none). */
    RestOfPage<List<RoleView>> roleDetails() {
        return new RestOfPage<>("speaker", ids -> {
            Map<Long, List<RoleView>> out = new HashMap<>();
            for (Long id : ids) {
                out.put(id, new ArrayList<>());
            }
            for (Object[] r : sql.rows("select r.speaker_id, r.label, r.title, r.organization, r.stated_on from speaker_role r"
                    + " where r.speaker_id = " + EntryQuery.ANY_ID + " order by r.speaker_id, r.stated_on desc nulls last, r.id",
                    EntryQuery.idArray(ids))) {
                out.get(NativeSql.toLong(r[0])).add(new RoleView((String) r[1], (String) r[2], (String) r[3], NativeSql.toDate(r[4])));
            }
            return out;
        });
    }

    private <V> Map<Long, V> details(String select, List<Long> ids, java.util.function.Function<Object[], V> read) {
        Map<Long, V> out = new HashMap<>();
        for (Object[] r : sql.rows(select + EntryQuery.ANY_ID, EntryQuery.idArray(ids))) {
            out.put(NativeSql.toLong(r[0]), read.apply(r));
        }
        return out;
    }
}
