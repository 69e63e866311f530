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
    static final String STATEMENT_COLUMNS = """
            s.id, s.article_id, s.speaker_id, s.occasion_event_id, s.text, s.kind, s.start_offset, s.end_offset,
            s.mention_text, s.mention_start, s.mention_end, s.cue_text, s.cue_start, s.cue_end, s.paragraph_index,
            s.sentence, s.sentence_start, s.sentence_end, s.said_start, s.said_end, s.said_precision, s.said_expression""";
    static final String EVENT_COLUMNS = """
            e.id, e.title, e.kind, e.status, e.when_start, e.when_end, e.when_precision, e.when_expression, e.sentence,
            e.places, e.participant_names""";
    /** An article's columns as {@link #article(Object[])} reads them (table alias {@code a}). */
    public static final String ARTICLE_COLUMNS = """
            a.id, a.title, a.publisher, a.section, a.url, a.published_on, a.published_at, a.content_hash,
            a.ingested_at, a.published_offset""";

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

    static StatementView statement(Object[] r, String snippet) {
        return new StatementView(NativeSql.toLong(r[0]), NativeSql.toLong(r[1]), NativeSql.toLong(r[2]),
                NativeSql.toLong(r[3]), (String) r[4], StatementKind.valueOf((String) r[5]), NativeSql.toInt(r[6]),
                NativeSql.toInt(r[7]), TextSpan.of((String) r[11], NativeSql.toInt(r[12]), NativeSql.toInt(r[13])),
                TextSpan.of((String) r[8], NativeSql.toInt(r[9]), NativeSql.toInt(r[10])), NativeSql.toInt(r[14]),
                TextSpan.of((String) r[15], NativeSql.toInt(r[16]), NativeSql.toInt(r[17])),
                When.of(NativeSql.toDate(r[18]), NativeSql.toDate(r[19]), (String) r[20], (String) r[21]), snippet);
    }

    static EventView event(Object[] r) {
        return event(r, null);
    }

    static EventView event(Object[] r, String snippet) {
        return new EventView(NativeSql.toLong(r[0]), (String) r[1], (String) r[2], EventStatus.valueOf((String) r[3]),
                When.of(NativeSql.toDate(r[4]), NativeSql.toDate(r[5]), (String) r[6], (String) r[7]), (String) r[8],
                Arrays.asList(NativeSql.toStringArray(r[9])), Arrays.asList(NativeSql.toStringArray(r[10])), snippet);
    }

    private static java.time.OffsetDateTime withOffset(java.time.OffsetDateTime instant, String offset) {
        return instant == null || offset == null ? instant
                : instant.withOffsetSameInstant(java.time.ZoneOffset.of(offset));
    }

    static SpeakerView speaker(Object[] r) {
        return new SpeakerView(NativeSql.toLong(r[0]), (String) r[1], SpeakerKind.valueOf((String) r[2]));
    }

    static ArticleView article(Object[] r) {
        return new ArticleView(NativeSql.toLong(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                NativeSql.toDate(r[5]), withOffset(NativeSql.toDateTime(r[6]), (String) r[9]), (String) r[7],
                NativeSql.toDateTime(r[8]));
    }
}
