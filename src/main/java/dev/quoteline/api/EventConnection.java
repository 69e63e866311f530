package dev.quoteline.api;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of events, Relay style: edges with cursors, page info and the total count.")
public class EventConnection extends Connection {
    private final List<EventEdge> edges;

    public EventConnection(Page<? extends EventView> page) {
        super(page);
        List<EventEdge> list = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            list.add(new EventEdge(page.cursors().get(i), page.items().get(i)));
        }
        this.edges = list;
    }

    @NonNull
    @Description("The entries of this page, in order.")
    public List<@NonNull EventEdge> getEdges() {
        return edges;
    }
}
