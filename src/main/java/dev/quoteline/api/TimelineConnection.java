package dev.quoteline.api;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of timeline entries (statements and events in time order), Relay style: edges with cursors, page info and the total count.")
public class TimelineConnection extends Connection {
    private final List<TimelineEdge> edges;

    public TimelineConnection(Page<? extends TimelineEntry> page) {
        super(page);
        List<TimelineEdge> list = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            list.add(new TimelineEdge(page.cursors().get(i), page.items().get(i)));
        }
        this.edges = list;
    }

    @NonNull
    @Description("The entries of this page, in order.")
    public List<@NonNull TimelineEdge> getEdges() {
        return edges;
    }
}
