package dev.quoteline.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns of a page's rows that the page's own statement left out, because the query, read from its syntax tree
 * ({@link Selections}), did not ask for them. The first view that needs them anyway reads them for every row of the
 * page in one statement: a wrong guess costs one round trip per page, never one per row, and never a wrong answer.
 *
 * @param <V> what one row's left-out columns are read into
 */
final class RestOfPage<V> {
    private final String table;
    private final Function<List<Long>, Map<Long, V>> reader;
    private final List<Long> ids = new ArrayList<>();
    private Map<Long, V> rows;

    /** {@code table} names the rows in the error for one deleted between the page's statement and this one. */
    RestOfPage(String table, Function<List<Long>, Map<Long, V>> reader) {
        this.table = table;
        this.reader = reader;
    }

    /** Adds a row of the page; every row is added before the page's views are handed out. */
    void add(long id) {
        ids.add(id);
    }

    synchronized V of(long id) {
        if (rows == null) {
            rows = reader.apply(ids);
        }
        V row = rows.get(id);
        if (row == null) {
            throw new IllegalStateException("The " + table + " " + id + " was deleted while its page was being read; ask again.");
        }
        return row;
    }
}
