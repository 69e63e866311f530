package dev.quoteline.api;

import java.util.function.LongSupplier;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The parts every Relay connection shares; subclasses add their typed {@code edges}. */
public abstract class Connection {
    private final PageInfo pageInfo;
    private final LongSupplier total;

    protected Connection(Page<?> page) {
        this.pageInfo = page.pageInfo();
        this.total = page.total();
    }

    @NonNull
    @Description("Where this page stands in the whole list.")
    public PageInfo getPageInfo() {
        return pageInfo;
    }

    /** Counted only when a client asks for {@code totalCount} (see {@link ConnectionCounts}): a count is a query of its own. */
    @org.eclipse.microprofile.graphql.Ignore
    public int total() {
        return (int) total.getAsLong();
    }
}
