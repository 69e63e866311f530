package dev.quoteline.api;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a page stands in its connection (Relay cursor connections).")
public record PageInfo(
        @Description("Whether more entries follow the last one on this page.") boolean hasNextPage,
        @Description("Whether entries come before the first one on this page.") boolean hasPreviousPage,
        @Description("Cursor of the first entry on this page; null when the page is empty.") String startCursor,
        @Description("Cursor of the last entry on this page; null when the page is empty.") String endCursor) {
}
