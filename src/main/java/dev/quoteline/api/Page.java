package dev.quoteline.api;

import java.util.List;
import java.util.function.LongSupplier;

/** One page of a keyset-paginated list: items with their cursors, page info, and a count computed only when asked. */
public record Page<T>(List<T> items, List<String> cursors, PageInfo pageInfo, LongSupplier total) {
}
