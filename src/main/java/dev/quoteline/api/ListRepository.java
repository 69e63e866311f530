package dev.quoteline.api;

import dev.quoteline.db.NativeSql;
import dev.quoteline.ingest.NameKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keyset-paginated lists of speakers (by name) and articles (newest first). */
@ApplicationScoped
public class ListRepository {
    @Inject
    NativeSql sql;

    Page<SpeakerView> speakers(String search, PageRequest request) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (search != null) {
            if (search.isBlank()) {
                throw new InvalidInputException("search is empty: give part of a name, or leave it out");
            }
            where.add("exists (select 1 from speaker_alias a where a.speaker_id = s.id and a.alias_key like ?)");
            params.add("%" + NameKeys.of(search).replace("%", "").replace("_", "\\_") + "%");
        }
        List<Object> countParams = List.copyOf(params);
        String countWhere = EntryQuery.where(where);
        if (request.cursor() != null) {
            String[] v = Cursor.decode(request.cursor(), "Speaker", 2, "after");
            where.add(EntryQuery.pastCursor("s.name_key, s.id", ">", "text", "bigint"));
            params.add(v[0]);
            params.add(parseLong(v[1], request.cursor()));
        }
        List<Object[]> rows = sql.rows("select s.id, s.name, s.kind, s.name_key from speaker s where "
                + EntryQuery.where(where) + " order by s.name_key, s.id limit " + (request.size() + 1), params.toArray());
        List<SpeakerView> items = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(rows.size(), request.size()))) {
            items.add(ReadRepository.speaker(r));
            cursors.add(Cursor.encode("Speaker", r[3], NativeSql.toLong(r[0])));
        }
        return page(items, cursors, rows.size() > request.size(), request.cursor() != null,
                () -> NativeSql.count(sql.value("select count(*) from speaker s where " + countWhere, countParams.toArray())));
    }

    Page<ArticleView> articles(PageRequest request, Long speakerRowId) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (speakerRowId != null) {
            where.add("a.id in (select st.article_id from statement st where st.speaker_id = ?)");
            params.add(speakerRowId);
        }
        List<Object> countParams = List.copyOf(params);
        String countWhere = EntryQuery.where(where);
        if (request.cursor() != null) {
            String[] v = Cursor.decode(request.cursor(), "Article", 2, "after");
            try {
                if (!v[0].equals("-infinity")) java.time.LocalDate.parse(v[0]);
            } catch (RuntimeException e) {
                throw Cursor.malformed(request.cursor(), "after");
            }
            where.add(EntryQuery.pastCursor("coalesce(a.published_on, '-infinity'::date), a.id", "<", "date", "bigint"));
            params.add(v[0]);
            params.add(parseLong(v[1], request.cursor()));
        }
        List<Object[]> rows = sql.rows("select " + ReadRepository.ARTICLE_COLUMNS
                + ", coalesce(a.published_on, '-infinity'::date)::text from article a where " + EntryQuery.where(where)
                + " order by coalesce(a.published_on, '-infinity'::date) desc, a.id desc limit " + (request.size() + 1),
                params.toArray());
        List<ArticleView> items = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(rows.size(), request.size()))) {
            items.add(ReadRepository.article(r));
            cursors.add(Cursor.encode("Article", r[10], NativeSql.toLong(r[0])));
        }
        return page(items, cursors, rows.size() > request.size(), request.cursor() != null,
                () -> NativeSql.count(sql.value("select count(*) from article a where " + countWhere, countParams.toArray())));
    }

    /**
     * {@code Speaker.articles} for a list of speakers in a constant number of statements: every speaker's page in one
     * union (each branch the single-speaker query, a walk of the newest-first index), the counts in one more when asked.
     */
    Map<Long, Page<ArticleView>> articlesBySpeaker(List<Long> speakerRowIds, PageRequest request) {
        Map<Long, Page<ArticleView>> pages = new HashMap<>();
        List<Long> speakers = speakerRowIds.stream().distinct().toList();
        if (speakers.size() == 1) {
            pages.put(speakers.get(0), articles(request, speakers.get(0)));
            return pages;
        }
        if (speakers.isEmpty()) {
            return pages;
        }
        String[] after = request.cursor() == null ? null : articleCursor(request.cursor());
        List<String> branches = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Long speaker : speakers) {
            String where = "a.id in (select st.article_id from statement st where st.speaker_id = " + speaker.longValue() + ")";
            if (after != null) {
                where += " and " + EntryQuery.pastCursor("coalesce(a.published_on, '-infinity'::date), a.id", "<", "date", "bigint");
                params.add(after[0]);
                params.add(parseLong(after[1], request.cursor()));
            }
            branches.add("(select " + speaker.longValue() + " as owner, " + ReadRepository.ARTICLE_COLUMNS
                    + ", coalesce(a.published_on, '-infinity'::date)::text from article a where " + where
                    + " order by coalesce(a.published_on, '-infinity'::date) desc, a.id desc limit " + (request.size() + 1) + ")");
        }
        Map<Long, List<Object[]>> rows = new HashMap<>();
        for (Object[] r : sql.rows(String.join(" union all ", branches), params.toArray())) {
            rows.computeIfAbsent(NativeSql.toLong(r[0]), k -> new ArrayList<>()).add(java.util.Arrays.copyOfRange(r, 1, r.length));
        }
        java.util.function.Supplier<Map<Long, Long>> counts = new java.util.function.Supplier<>() {
            private Map<Long, Long> value;

            @Override
            public synchronized Map<Long, Long> get() {
                if (value == null) {
                    value = new HashMap<>();
                    for (Object[] r : sql.rows("select st.speaker_id, count(distinct st.article_id) from statement st "
                            + "where st.speaker_id in " + EntryQuery.idList(speakers) + " group by st.speaker_id")) {
                        value.put(NativeSql.toLong(r[0]), NativeSql.count(r[1]));
                    }
                }
                return value;
            }
        };
        for (Long speaker : speakers) {
            List<Object[]> mine = rows.getOrDefault(speaker, List.of());
            // a union does not keep each branch's order: newest first again, as in the single-speaker query
            List<Object[]> sorted = new ArrayList<>(mine);
            sorted.sort(java.util.Comparator.comparing((Object[] r) -> (String) r[10], ListRepository::compareDays)
                    .thenComparing(r -> NativeSql.toLong(r[0])).reversed());
            List<ArticleView> items = new ArrayList<>();
            List<String> cursors = new ArrayList<>();
            for (Object[] r : sorted.subList(0, Math.min(sorted.size(), request.size()))) {
                items.add(ReadRepository.article(r));
                cursors.add(Cursor.encode("Article", r[10], NativeSql.toLong(r[0])));
            }
            pages.put(speaker, page(items, cursors, sorted.size() > request.size(), request.cursor() != null,
                    () -> counts.get().getOrDefault(speaker, 0L)));
        }
        return pages;
    }

    /** Days as the article cursors write them: ISO dates, with '-infinity' (undated) before every date. */
    private static int compareDays(String a, String b) {
        boolean ai = a.equals("-infinity");
        boolean bi = b.equals("-infinity");
        return ai || bi ? Boolean.compare(bi, ai) : a.compareTo(b);
    }

    private static String[] articleCursor(String cursor) {
        String[] v = Cursor.decode(cursor, "Article", 2, "after");
        try {
            if (!v[0].equals("-infinity")) java.time.LocalDate.parse(v[0]);
        } catch (RuntimeException e) {
            throw Cursor.malformed(cursor, "after");
        }
        return v;
    }

    static <T> Page<T> page(List<T> items, List<String> cursors, boolean more, boolean hasPrevious,
                            java.util.function.LongSupplier total) {
        PageInfo info = new PageInfo(more, hasPrevious, cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
        return new Page<>(items, cursors, info, total);
    }

    static long parseLong(String value, String cursor) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Cursor.malformed(cursor, "after");
        }
    }
}
