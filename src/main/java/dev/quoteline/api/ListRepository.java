package dev.quoteline.api;

import dev.quoteline.db.NativeSql;
import dev.quoteline.ingest.NameKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

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
            where.add("(s.name_key, s.id) > (?, ?)");
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
            where.add("(coalesce(a.published_on, '-infinity'::date), a.id) < (cast(? as date), ?)");
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
