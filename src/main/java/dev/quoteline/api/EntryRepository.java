package dev.quoteline.api;

import dev.quoteline.db.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyset pagination over statements and events merged in time order: (sort_day, precision_rank, kind, id), where
 * kind E sorts before S on the same day and precision. Each branch reads at most one page from its own index, and
 * the merged page's rows are joined to its keys in the same statement (a search page: hydrated with one query per
 * kind): a constant number of statements whatever the page size.
 */
@ApplicationScoped
public class EntryRepository {
    @Inject
    NativeSql sql;
    @Inject
    ReadRepository reads;
    @Inject
    io.smallrye.graphql.api.Context context;

    record Key(char kind, long id, String day, int rank) {
    }

    /**
     * A day as PostgreSQL writes a date ({@code 2023-03-01}, {@code 10000-01-01}, {@code 0044-03-15 BC},
     * {@code infinity}, {@code -infinity}) as a number in the date's order; its text is not in that order past the
     * year 9999 or before the common era.
     */
    static long epochDay(String day) {
        if (day.equals("infinity")) return Long.MAX_VALUE;
        if (day.equals("-infinity")) return Long.MIN_VALUE;
        boolean bc = day.endsWith(" BC");
        String date = bc ? day.substring(0, day.length() - 3) : day;
        int dash = date.indexOf('-');
        if (dash < 0 || date.length() != dash + 6 || date.charAt(dash + 3) != '-') {
            throw new IllegalArgumentException("not a PostgreSQL ISO date: " + day);
        }
        int year = Integer.parseInt(date, 0, dash, 10);
        int month = Integer.parseInt(date, dash + 1, dash + 3, 10);
        int dayOfMonth = Integer.parseInt(date, dash + 4, dash + 6, 10);
        // 1 BC is year 0 of the proleptic calendar java.time counts in
        return java.time.LocalDate.of(bc ? 1 - year : year, month, dayOfMonth).toEpochDay();
    }

    /** A page of entries for the connection named {@code connection} (its name goes into the cursors). */
    Page<TimelineEntry> page(EntryQuery query, PageRequest request, String connection) {
        return page(query, request, connection, Selections.Selected.of(context));
    }

    /** A page, reading in its own statement the tables {@code selected} (the connection field as asked) reaches. */
    Page<TimelineEntry> page(EntryQuery query, PageRequest request, String connection, Selections.Selected selected) {
        if (query.order == EntryOrder.RELEVANCE) {
            return relevancePage(query, request, connection + "ByRelevance");
        }
        Key after = request.cursor() == null ? null : decode(request.cursor(), connection, request.forward() ? "after" : "before");
        if (request.size() == 0) {
            return new Page<>(List.of(), List.of(), new PageInfo(false, false, null, null), () -> count(query));
        }
        if (query.search == null) {
            return pageWithRows(query, request, after, connection, selected);
        }
        List<Key> keys = keys(query, request.forward(), after, request.size() + 1);
        List<Key> page = trim(keys, request);
        Map<Long, StatementView> statements = index(reads.statements(ids(page, 'S'), query.search));
        Map<Long, EventView> events = indexEvents(reads.events(ids(page, 'E'), query.search));
        return assemble(page, keys.size() > request.size(), request, connection, statements, events, () -> count(query));
    }

    /**
     * A page in time order in one statement: the keys, each entry's row joined to its key, and, when the client asked
     * for them, the statements' articles and speakers (with their roles), so that the page is one round trip (a search
     * page goes through {@link #page}'s other path, whose rows carry highlighted snippets). The keyset query is the same
     * as on its own; the joins are 51 primary-key lookups at most, and each speaker's roles are aggregated once however
     * many of the page's statements are theirs. Each table's less used columns (a statement's place in its article, an
     * event's sentence and names, an article's URL and dates, a role's parts beside its label) are read only when the
     * query names one of their fields: with them a page cost PostgreSQL a fifth more to read and send (README "Tenth
     * round"), and a role's parts another tenth ("Fifteenth round").
     */
    private Page<TimelineEntry> pageWithRows(EntryQuery query, PageRequest request, Key after, String connection,
                                            Selections.Selected selected) {
        List<Object> params = new ArrayList<>();
        String keysSql = keysSql(query, request.forward(), after, request.size() + 1, params);
        if (keysSql == null) {
            return assemble(List.of(), false, request, connection, Map.of(), Map.of(), () -> count(query));
        }
        boolean withArticles = query.statements && selected.asks("edges", "node", "article");
        boolean withSpeakers = query.statements && selected.asks("edges", "node", "speaker");
        boolean withRoles = withSpeakers && selected.asks("edges", "node", "speaker", "roles");
        boolean roleDetail = withRoles && selected.asksAny(ROLES, ROLE_DETAIL_FIELDS);
        boolean statementDetail = query.statements && selected.asksAny(NODE, STATEMENT_DETAIL_FIELDS);
        boolean eventDetail = query.events && selected.asksAny(NODE, EVENT_DETAIL_FIELDS);
        boolean articleDetail = withArticles && selected.asksAny(ARTICLE, ARTICLE_DETAIL_FIELDS);
        String statementColumns = statementDetail ? ReadRepository.STATEMENT_COLUMNS : ReadRepository.STATEMENT_CORE;
        String eventColumns = eventDetail ? ReadRepository.EVENT_COLUMNS : ReadRepository.EVENT_CORE;
        String articleColumns = !withArticles ? null : articleDetail ? ReadRepository.ARTICLE_COLUMNS : ReadRepository.ARTICLE_CORE;
        String dir = request.forward() ? "asc" : "desc";
        // a key of the other kind looks up null, which finds nothing, rather than another table's id
        String joins = " from (" + keysSql + ") t"
                + " left join statement s on s.id = case when t.k = 'S' then t.id end"
                + " left join event e on e.id = case when t.k = 'E' then t.id end"
                + (withArticles ? " left join article a on a.id = s.article_id" : "");
        String text;
        if (!withSpeakers) {
            text = "select t.k, t.id, t.day, t.r, " + statementColumns + ", " + eventColumns
                    + (withArticles ? ", " + articleColumns : "") + joins
                    + " order by cast(t.day as date) " + dir + ", t.r " + dir + ", t.k " + dir + ", t.id " + dir;
        } else {
            // materialized, so that each speaker (and their roles) is read once, not once per statement of theirs
            text = "with p as materialized (select t.k, t.id, t.day, t.r, " + ReadRepository.aliased(statementColumns) + ", "
                    + ReadRepository.aliased(eventColumns) + (withArticles ? ", " + ReadRepository.aliased(articleColumns) : "")
                    + joins + "), sp as materialized (select sp.id, sp.name, sp.kind"
                    + (!withRoles ? "" : ", " + (roleDetail ? ReadRepository.ROLES_JSON : ReadRepository.ROLE_LABELS))
                    + " from speaker sp where sp.id = any(array(select p.s_speaker_id from p)))"
                    + " select p.*, sp.* from p left join sp on sp.id = p.s_speaker_id"
                    + " order by cast(p.day as date) " + dir + ", p.r " + dir + ", p.k " + dir + ", p.id " + dir;
        }
        List<Key> keys = new ArrayList<>();
        Map<Long, StatementView> statements = new HashMap<>();
        Map<Long, EventView> events = new HashMap<>();
        Map<Long, SpeakerView> speakers = new HashMap<>();
        RestOfPage<StatementView.Detail> statementRest = statementDetail ? null : reads.statementDetails();
        RestOfPage<EventView.Detail> eventRest = eventDetail ? null : reads.eventDetails();
        RestOfPage<ArticleView.Detail> articleRest = articleDetail ? null : reads.articleDetails();
        RestOfPage<List<RoleView>> roleRest = roleDetail ? null : reads.roleDetails();
        int statementAt = 4;
        int eventAt = statementAt + (statementDetail ? STATEMENT_WIDTH : ReadRepository.STATEMENT_CORE_WIDTH);
        int articleAt = eventAt + (eventDetail ? EVENT_WIDTH : ReadRepository.EVENT_CORE_WIDTH);
        int speakerAt = articleAt + (!withArticles ? 0 : articleDetail ? ARTICLE_WIDTH : ReadRepository.ARTICLE_CORE_WIDTH);
        for (Object[] row : sql.rows(text, params.toArray())) {
            Key key = new Key(row[0].toString().charAt(0), NativeSql.toLong(row[1]), (String) row[2], NativeSql.toInt(row[3]));
            keys.add(key);
            if (key.kind() == 'S' && row[statementAt] != null) {
                StatementView view = statementDetail ? ReadRepository.statement(Arrays.copyOfRange(row, statementAt, eventAt))
                        : ReadRepository.statement(row, statementAt, statementRest);
                if (withArticles && row[articleAt] != null) {
                    view.withPrefetchedArticle(articleDetail ? ReadRepository.article(Arrays.copyOfRange(row, articleAt, speakerAt))
                            : ReadRepository.article(row, articleAt, articleRest));
                }
                if (withSpeakers && row[speakerAt] != null) {
                    view.withPrefetchedSpeaker(speakers.computeIfAbsent(NativeSql.toLong(row[speakerAt]), id -> {
                        SpeakerView speaker = ReadRepository.speaker(Arrays.copyOfRange(row, speakerAt, speakerAt + 3));
                        if (!withRoles) {
                            return speaker;
                        }
                        Object roles = row[speakerAt + 3];
                        return speaker.withPrefetchedRoles(roleDetail ? ReadRepository.roles((String) roles)
                                : ReadRepository.roleLabels(id, roles, roleRest));
                    }));
                }
                statements.put(key.id(), view);
            } else if (key.kind() == 'E' && row[eventAt] != null) {
                events.put(key.id(), eventDetail ? ReadRepository.event(Arrays.copyOfRange(row, eventAt, articleAt))
                        : ReadRepository.event(row, eventAt, eventRest));
            }
        }
        return assemble(trim(keys, request), keys.size() > request.size(), request, connection, statements, events,
                () -> count(query));
    }

    private static final int STATEMENT_WIDTH = ReadRepository.STATEMENT_COLUMNS.split(",").length;
    private static final int EVENT_WIDTH = ReadRepository.EVENT_COLUMNS.split(",").length;
    private static final int ARTICLE_WIDTH = ReadRepository.ARTICLE_COLUMNS.split(",").length;
    private static final List<String> NODE = List.of("edges", "node");
    private static final List<String> ARTICLE = List.of("edges", "node", "article");
    // the GraphQL fields that read each table's left-out columns (StatementView, EventView and ArticleView's Detail)
    private static final String[] STATEMENT_DETAIL_FIELDS = {"start", "end", "cue", "speakerMention", "paragraphIndex", "sentence"};
    private static final String[] EVENT_DETAIL_FIELDS = {"sentence", "places", "participantNames"};
    private static final List<String> ROLES = List.of("edges", "node", "speaker", "roles");
    // every field of Role but its label (RoleView's Detail)
    private static final String[] ROLE_DETAIL_FIELDS = {"title", "organization", "statedOn"};
    private static final String[] ARTICLE_DETAIL_FIELDS = {"section", "url", "publishedOn", "publishedAt", "undated",
            "contentHash", "ingestedAt"};

    /**
     * One timeline page for each of several speakers ({@code Speaker.timeline} under a list of speakers) in a constant
     * number of statements: the keys of every speaker's page in one union (each branch the same index range scan a
     * single speaker's page uses), then one hydration per kind for all of them, and the counts in one statement when
     * asked. A single speaker goes through {@link #page} unchanged. Relevance order (a search) is per speaker.
     */
    Map<Long, Page<TimelineEntry>> pagesBySpeaker(Map<Long, EntryQuery> queries, PageRequest request, String connection) {
        Map<Long, Page<TimelineEntry>> pages = new HashMap<>();
        if (queries.size() <= 1 || queries.values().iterator().next().order == EntryOrder.RELEVANCE || request.size() == 0) {
            queries.forEach((speaker, q) -> pages.put(speaker, page(q, request, connection)));
            return pages;
        }
        Key after = request.cursor() == null ? null : decode(request.cursor(), connection, request.forward() ? "after" : "before");
        List<String> branches = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<Long, EntryQuery> e : queries.entrySet()) {
            String keysSql = keysSql(e.getValue(), request.forward(), after, request.size() + 1, params);
            if (keysSql != null) {
                branches.add("(select " + e.getKey().longValue() + " as owner, x.* from (" + keysSql + ") x)");
            }
        }
        Map<Long, List<Key>> keysBySpeaker = new HashMap<>();
        if (!branches.isEmpty()) {
            for (Object[] row : sql.rows(String.join(" union all ", branches), params.toArray())) {
                keysBySpeaker.computeIfAbsent(NativeSql.toLong(row[0]), k -> new ArrayList<>()).add(
                        new Key(row[1].toString().charAt(0), NativeSql.toLong(row[2]), (String) row[3], NativeSql.toInt(row[4])));
            }
        }
        // a union does not keep each branch's order: restore it
        java.util.Comparator<Key> order = java.util.Comparator.comparingLong((Key k) -> epochDay(k.day())).thenComparingInt(Key::rank)
                .thenComparing(Key::kind).thenComparingLong(Key::id);
        Map<Long, List<Key>> pageKeys = new HashMap<>();
        List<Long> statementIds = new ArrayList<>();
        List<Long> eventIds = new ArrayList<>();
        for (Long speaker : queries.keySet()) {
            List<Key> keys = keysBySpeaker.getOrDefault(speaker, new ArrayList<>());
            keys.sort(request.forward() ? order : order.reversed());
            keysBySpeaker.put(speaker, keys);
            List<Key> page = trim(keys, request);
            pageKeys.put(speaker, page);
            statementIds.addAll(ids(page, 'S'));
            eventIds.addAll(ids(page, 'E'));
        }
        Map<Long, StatementView> statements = index(reads.statements(statementIds.stream().distinct().toList(), null));
        Map<Long, EventView> events = indexEvents(reads.events(eventIds.stream().distinct().toList(), null));
        java.util.function.Supplier<Map<Long, Long>> counts = memo(() -> counts(queries));
        for (Long speaker : queries.keySet()) {
            pages.put(speaker, assemble(pageKeys.get(speaker), keysBySpeaker.get(speaker).size() > request.size(), request,
                    connection, statements, events, () -> counts.get().getOrDefault(speaker, 0L)));
        }
        return pages;
    }

    /** The page's keys in display order: at most the page size, reversed back to time order when reading backward. */
    private static List<Key> trim(List<Key> keys, PageRequest request) {
        List<Key> page = new ArrayList<>(keys.subList(0, Math.min(keys.size(), request.size())));
        if (!request.forward()) {
            Collections.reverse(page);
        }
        return page;
    }

    private static List<Long> ids(List<Key> keys, char kind) {
        List<Long> out = new ArrayList<>();
        for (Key k : keys) {
            if (k.kind() == kind) out.add(k.id());
        }
        return out;
    }

    private static Page<TimelineEntry> assemble(List<Key> keys, boolean more, PageRequest request, String connection,
                                                Map<Long, StatementView> statements, Map<Long, EventView> events,
                                                java.util.function.LongSupplier total) {
        List<TimelineEntry> items = new ArrayList<>(keys.size());
        List<String> cursors = new ArrayList<>(keys.size());
        for (Key k : keys) {
            TimelineEntry entry = k.kind() == 'S' ? statements.get(k.id()) : events.get(k.id());
            if (entry != null) {
                items.add(entry);
                cursors.add(Cursor.encode(connection, k.day(), k.rank(), k.kind(), k.id()));
            }
        }
        boolean hasNext = request.forward() ? more : request.cursor() != null;
        boolean hasPrevious = request.forward() ? request.cursor() != null : more;
        PageInfo info = new PageInfo(hasNext, hasPrevious, cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
        return new Page<>(items, cursors, info, total);
    }

    /**
     * Best matches first: ts_rank against the search, then kind and id to break ties. The match sets come from the GIN
     * indexes; ranking needs every match, so these pages cost in proportion to the number of hits, not to the table.
     */
    private Page<TimelineEntry> relevancePage(EntryQuery q, PageRequest request, String connection) {
        String argument = request.forward() ? "after" : "before";
        String[] cursor = request.cursor() == null ? null : Cursor.decode(request.cursor(), connection, 3, argument);
        float rel = 0;
        long cursorId = 0;
        if (cursor != null) {
            try {
                rel = Float.parseFloat(cursor[0]);
                cursorId = Long.parseLong(cursor[2]);
                if (!cursor[1].equals("S") && !cursor[1].equals("E")) throw new IllegalArgumentException();
            } catch (RuntimeException e) {
                throw Cursor.malformed(request.cursor(), argument);
            }
        }
        if (request.size() == 0) {
            return new Page<>(List.of(), List.of(), new PageInfo(false, false, null, null), () -> count(q));
        }
        List<String> branches = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String overlap = q.from == null ? "" : " and coalesce(%1$s_end, %1$s_start) >= cast(? as date)";
        // The tsquery is computed once, in FROM: written inline with a parameter, the prepared statement's generic plan
        // (the JDBC driver prepares a statement on the server from its fifth use) parsed the search again for every
        // matching row's ts_rank, and went parallel: 68 ms instead of 21 for "nuclear" (README "Performance").
        if (q.statements) {
            params.add(q.search);
            branches.add("select 'S' as k, s.id, ts_rank(s.search_vector, q.q) as rel from websearch_to_tsquery('english', ?) "
                    + "q(q) cross join statement s where " + withQuery(q.statementWhere, q.statementParams, "s", params)
                    + overlap.formatted("s.said"));
            if (q.from != null) params.add(q.from);
        }
        if (q.events) {
            params.add(q.search);
            branches.add("select 'E' as k, e.id, ts_rank(e.search_vector, q.q) as rel from websearch_to_tsquery('english', ?) "
                    + "q(q) cross join event e where " + withQuery(q.eventWhere, q.eventParams, "e", params)
                    + overlap.formatted("e.when"));
            if (q.from != null) params.add(q.from);
        }
        // forward: rel desc, k asc, id asc; backward reads the same order from the other end
        String after = "";
        if (cursor != null) {
            String cmp = request.forward() ? "<" : ">";
            String tie = request.forward() ? ">" : "<";
            after = " where (rel " + cmp + " cast(? as real) or (rel = cast(? as real) and (k " + tie + " ? or (k = ? and id "
                    + tie + " ?))))";
            params.addAll(List.of(rel, rel, cursor[1], cursor[1], cursorId));
        }
        String dir = request.forward() ? "" : " desc";
        String text = "select k, id, rel::text from (" + String.join(" union all ", branches) + ") t" + after
                // t.rel: the real rank; a bare "rel" would name the output column, its text, and sort '1e-05' first
                + " order by t.rel" + (request.forward() ? " desc" : "") + ", k" + dir + ", id" + dir + " limit "
                + (request.size() + 1);
        List<Object[]> rows = new ArrayList<>(sql.rows(text, params.toArray()));
        boolean more = rows.size() > request.size();
        if (more) rows = new ArrayList<>(rows.subList(0, request.size()));
        if (!request.forward()) Collections.reverse(rows);
        List<Long> statementIds = new ArrayList<>();
        List<Long> eventIds = new ArrayList<>();
        for (Object[] r : rows) {
            (r[0].toString().charAt(0) == 'S' ? statementIds : eventIds).add(NativeSql.toLong(r[1]));
        }
        Map<Long, StatementView> statements = index(reads.statements(statementIds, q.search));
        Map<Long, EventView> events = indexEvents(reads.events(eventIds, q.search));
        List<TimelineEntry> items = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (Object[] r : rows) {
            char kind = r[0].toString().charAt(0);
            long id = NativeSql.toLong(r[1]);
            TimelineEntry entry = kind == 'S' ? statements.get(id) : events.get(id);
            if (entry != null) {
                items.add(entry);
                cursors.add(Cursor.encode(connection, r[2], kind, id));
            }
        }
        boolean hasNext = request.forward() ? more : request.cursor() != null;
        boolean hasPrevious = request.forward() ? request.cursor() != null : more;
        return ListRepository.page(items, cursors, hasNext, hasPrevious, () -> count(q));
    }

    /**
     * The conditions with the search condition ({@link Filters}) reading the tsquery {@code q.q} computed in FROM, the
     * other conditions' parameters appended to {@code params}.
     */
    static String withQuery(List<String> conditions, List<Object> conditionParams, String alias, List<Object> params) {
        String search = alias + ".search_vector @@ websearch_to_tsquery('english', ?)";
        List<String> out = new ArrayList<>();
        int next = 0;
        for (String c : conditions) {
            int n = (int) c.chars().filter(ch -> ch == '?').count();
            if (c.equals(search)) {
                out.add(alias + ".search_vector @@ q.q");
            } else {
                out.add(c);
                params.addAll(conditionParams.subList(next, next + n));
            }
            next += n;
        }
        return EntryQuery.where(out);
    }

    private static Map<Long, StatementView> index(List<StatementView> list) {
        Map<Long, StatementView> map = new HashMap<>();
        list.forEach(s -> map.put(s.rowId(), s));
        return map;
    }

    private static Map<Long, EventView> indexEvents(List<EventView> list) {
        Map<Long, EventView> map = new HashMap<>();
        list.forEach(e -> map.put(e.rowId(), e));
        return map;
    }

    static Key decode(String cursor, String connection, String argument) {
        String[] v = Cursor.decode(cursor, connection, 4, argument);
        try {
            String day = v[0];
            if (!day.equals("infinity")) {
                java.time.LocalDate.parse(day);
            }
            int rank = Integer.parseInt(v[1]);
            if (v[2].length() != 1 || (v[2].charAt(0) != 'S' && v[2].charAt(0) != 'E')) {
                throw new IllegalArgumentException();
            }
            return new Key(v[2].charAt(0), Long.parseLong(v[3]), day, rank);
        } catch (RuntimeException e) {
            throw Cursor.malformed(cursor, argument);
        }
    }

    private List<Key> keys(EntryQuery q, boolean forward, Key cursor, int limit) {
        List<Object> params = new ArrayList<>();
        String text = keysSql(q, forward, cursor, limit, params);
        if (text == null) {
            return List.of();
        }
        List<Key> keys = new ArrayList<>();
        for (Object[] row : sql.rows(text, params.toArray())) {
            keys.add(new Key(row[0].toString().charAt(0), NativeSql.toLong(row[1]), (String) row[2], NativeSql.toInt(row[3])));
        }
        return keys;
    }

    /** The SQL of one page's keys (k, id, day, r), its parameters appended to {@code params}; null when no kind is on. */
    private static String keysSql(EntryQuery q, boolean forward, Key cursor, int limit, List<Object> params) {
        List<String> branches = new ArrayList<>();
        if (q.events) {
            Source source = eventSource(q);
            for (Window window : windows(q.from, "e.when_start", "e.when_end", source.day())) {
                branches.add(branch(source, 'E', concat(eventWhere(q), window.conditions()),
                        withFrom(q.eventParams, window.conditions(), q.from), window.fenced(), forward, cursor, limit, params));
            }
        }
        if (q.statements) {
            for (Window window : windows(q.from, "s.said_start", "s.said_end", STATEMENTS.day())) {
                branches.add(branch(STATEMENTS, 'S', concat(q.statementWhere, window.conditions()),
                        withFrom(q.statementParams, window.conditions(), q.from), window.fenced(), forward, cursor, limit,
                        params));
            }
        }
        if (branches.isEmpty()) {
            return null;
        }
        String dir = forward ? "asc" : "desc";
        // t.day, the date: a bare "day" names the output column, its text, which PostgreSQL then sorted by collation
        // after reading every branch, where the dates let it merge the branches' index order (README "Thirteenth round")
        return "select k, id, day::text, r from (" + String.join(" union all ", branches) + ") t order by t.day "
                + dir + ", t.r " + dir + ", t.k " + dir + ", t.id " + dir + " limit " + limit;
    }

    /**
     * The date window's lower bound as index lookups: with no bound, one unrestricted range; with one, entries starting
     * on or after it (a range of the time-order index), plus wide entries (a week, a month...) that start before it and
     * contain it (the GiST index on their date range). Each condition holds one {@code ?} for the bound.
     */
    record Window(List<String> conditions, boolean fenced) {
    }

    private static List<Window> windows(java.time.LocalDate from, String start, String end, String sortDay) {
        if (from == null) {
            return List.of(new Window(List.of(), false));
        }
        return List.of(new Window(List.of(sortDay + " >= cast(? as date)"), false),
                new Window(List.of(end + " > " + start + " and daterange(" + start + ", " + end + ", '[]') @> cast(? as date)"
                        + " and " + sortDay + " < cast(? as date)"), true));
    }

    /**
     * Where one kind's keys are read: the table (and join), its time-order key columns, and the conditions on it. The
     * key columns are the ones of the index the branch walks.
     */
    record Source(String from, String id, String day, String rank) {
    }

    private static final Source STATEMENTS = new Source("statement s", "s.id", "s.sort_day", "s.precision_rank");
    private static final Source EVENTS = new Source("event e", "e.id", "e.sort_day", "e.precision_rank");
    private static final Source ONE_SPEAKERS_EVENTS = new Source("speaker_event se join event e on e.id = se.event_id",
            "se.event_id", "se.sort_day", "se.precision_rank");
    /** The same with nothing else asked of the events: speaker_event alone, index-only (its foreign key keeps it true). */
    private static final Source ONE_SPEAKERS_EVENTS_ONLY = new Source("speaker_event se", "se.event_id", "se.sort_day",
            "se.precision_rank");

    /**
     * Events in general walk event_timeline_idx; one speaker's events walk that speaker's range of
     * speaker_event_timeline_idx (the same sort key, copied from the event), joined to the event for any other condition,
     * so a page past the 950th entry reads about 51 index entries instead of every event past the cursor.
     */
    private static Source eventSource(EntryQuery q) {
        if (q.oneSpeakerEvents == null) {
            return EVENTS;
        }
        boolean onlyTheSpeaker = q.eventWhere.size() == 1 && q.from == null;
        return onlyTheSpeaker ? ONE_SPEAKERS_EVENTS_ONLY : ONE_SPEAKERS_EVENTS;
    }

    /** The event conditions as {@link #eventSource} reads them. */
    private static List<String> eventWhere(EntryQuery q) {
        if (q.oneSpeakerEvents == null) {
            return q.eventWhere;
        }
        List<String> where = new ArrayList<>(q.eventWhere);
        where.remove(q.oneSpeakerEventsCondition); // has no parameters: the others keep their order
        where.add(0, "se.speaker_id = " + q.oneSpeakerEvents.longValue());
        return where;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Object> withFrom(List<Object> params, List<String> window, java.time.LocalDate from) {
        List<Object> out = new ArrayList<>(params);
        for (String condition : window) {
            for (char c : condition.toCharArray()) {
                if (c == '?') {
                    out.add(from);
                }
            }
        }
        return out;
    }

    /**
     * One kind's part of a page: at most {@code limit} keys past the cursor in time order. A fenced branch (few rows
     * found through another index) is fetched whole and sorted, so the planner cannot walk the time-order index instead.
     */
    private static String branch(Source source, char kind, List<String> where, List<Object> whereParams,
                                 boolean fenced, boolean forward, Key cursor, int limit, List<Object> params) {
        List<String> conditions = new ArrayList<>(where);
        params.addAll(whereParams);
        if (cursor != null) {
            // Rows of this kind that tie with the cursor on (day, rank) come after it only if the kind sorts later.
            long idBound;
            if (kind == cursor.kind()) {
                idBound = cursor.id();
            } else if ((kind > cursor.kind()) == forward) {
                idBound = forward ? 0 : Long.MAX_VALUE; // every tie is on the far side of the cursor
            } else {
                idBound = forward ? Long.MAX_VALUE : 0; // no tie is
            }
            conditions.add(EntryQuery.pastCursor(source.day() + ", " + source.rank() + ", " + source.id(),
                    forward ? ">" : "<", "date", "integer", "bigint"));
            params.add(cursor.day());
            params.add(cursor.rank());
            params.add(idBound);
        }
        String dir = forward ? "asc" : "desc";
        String select = "select '" + kind + "' as k, " + source.id() + " as id, " + source.day() + " as day, "
                + source.rank() + " as r from " + source.from() + " where " + EntryQuery.where(conditions);
        if (fenced) {
            return "(select * from (" + select + " offset 0) f order by day " + dir + ", r " + dir + ", id " + dir
                    + " limit " + limit + ")";
        }
        return "(" + select + " order by " + source.day() + " " + dir + ", " + source.rank() + " " + dir + ", "
                + source.id() + " " + dir + " limit " + limit + ")";
    }

    /**
     * One page of statements for each of several speakers, in one SQL statement (a window per speaker), for
     * {@code Speaker.statements} on a list of speakers. Counts are fetched once for all speakers, and only if asked.
     */
    Map<Long, Page<StatementView>> statementsBySpeaker(List<Long> speakerIds, PageRequest request) {
        Map<Long, Page<StatementView>> pages = new HashMap<>();
        if (speakerIds.isEmpty()) {
            return pages;
        }
        String list = EntryQuery.idList(speakerIds);
        List<Object> params = new ArrayList<>();
        String keyset = "";
        if (request.cursor() != null) {
            Key after = decode(request.cursor(), "Statement", "after");
            keyset = " and " + EntryQuery.pastCursor("s.sort_day, s.precision_rank, s.id", ">", "date", "integer", "bigint");
            params.add(after.day());
            params.add(after.rank());
            params.add(after.id());
        }
        Map<Long, List<Object[]>> rows = new HashMap<>();
        for (Object[] r : sql.rows("select * from (select " + ReadRepository.STATEMENT_COLUMNS
                + ", s.sort_day::text, s.precision_rank, row_number() over (partition by s.speaker_id "
                + "order by s.sort_day, s.precision_rank, s.id) as rn from statement s where s.speaker_id in " + list
                + keyset + ") x where x.rn <= " + (request.size() + 1) + " order by x.speaker_id, x.rn", params.toArray())) {
            rows.computeIfAbsent(NativeSql.toLong(r[2]), k -> new ArrayList<>()).add(r);
        }
        java.util.function.Supplier<Map<Long, Long>> counts = memo(() -> {
            Map<Long, Long> byId = new HashMap<>();
            for (Object[] r : sql.rows("select speaker_id, count(*) from statement where speaker_id in " + list
                    + " group by speaker_id")) {
                byId.put(NativeSql.toLong(r[0]), NativeSql.count(r[1]));
            }
            return byId;
        });
        for (Long speakerId : speakerIds) {
            List<Object[]> mine = rows.getOrDefault(speakerId, List.of());
            List<StatementView> items = new ArrayList<>();
            List<String> cursors = new ArrayList<>();
            for (Object[] r : mine.subList(0, Math.min(mine.size(), request.size()))) {
                StatementView view = ReadRepository.statement(r);
                items.add(view);
                cursors.add(Cursor.encode("Statement", r[22], NativeSql.toInt(r[23]), 'S', view.rowId()));
            }
            pages.put(speakerId, ListRepository.page(items, cursors, mine.size() > request.size(),
                    request.cursor() != null, () -> counts.get().getOrDefault(speakerId, 0L)));
        }
        return pages;
    }

    private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> supplier) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    long count(EntryQuery q) {
        List<Object> params = new ArrayList<>();
        String expression = countSql(q, params);
        return expression == null ? 0 : NativeSql.count(sql.value("select " + expression, params.toArray()));
    }

    /** Every speaker's count in one statement (a row per speaker). */
    private Map<Long, Long> counts(Map<Long, EntryQuery> queries) {
        List<String> rows = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<Long, EntryQuery> e : queries.entrySet()) {
            String expression = countSql(e.getValue(), params);
            rows.add("select " + e.getKey().longValue() + ", " + (expression == null ? "0" : expression));
        }
        Map<Long, Long> out = new HashMap<>();
        for (Object[] r : sql.rows(String.join(" union all ", rows), params.toArray())) {
            out.put(NativeSql.toLong(r[0]), NativeSql.count(r[1]));
        }
        return out;
    }

    /** The count of a query's entries as one SQL expression, its parameters appended; null when no kind is on. */
    private static String countSql(EntryQuery q, List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (q.statements) {
            for (Window window : windows(q.from, "s.said_start", "s.said_end", STATEMENTS.day())) {
                parts.add("(select count(*) from statement s where "
                        + EntryQuery.where(concat(q.statementWhere, window.conditions())) + ")");
                params.addAll(withFrom(q.statementParams, window.conditions(), q.from));
            }
        }
        if (q.events) {
            Source source = eventSource(q);
            for (Window window : windows(q.from, "e.when_start", "e.when_end", source.day())) {
                parts.add("(select count(*) from " + source.from() + " where "
                        + EntryQuery.where(concat(eventWhere(q), window.conditions())) + ")");
                params.addAll(withFrom(q.eventParams, window.conditions(), q.from));
            }
        }
        return parts.isEmpty() ? null : "(" + String.join(" + ", parts) + ")";
    }
}
