package dev.quoteline.api;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of statements, Relay style: edges with cursors, page info and the total count.")
public class StatementConnection extends Connection {
    private final List<StatementEdge> edges;

    public StatementConnection(Page<? extends StatementView> page) {
        super(page);
        List<StatementEdge> list = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            list.add(new StatementEdge(page.cursors().get(i), page.items().get(i)));
        }
        this.edges = list;
    }

    @NonNull
    @Description("The entries of this page, in order.")
    public List<@NonNull StatementEdge> getEdges() {
        return edges;
    }
}
