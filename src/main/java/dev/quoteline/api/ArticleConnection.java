package dev.quoteline.api;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of articles, Relay style: edges with cursors, page info and the total count.")
public class ArticleConnection extends Connection {
    private final List<ArticleEdge> edges;

    public ArticleConnection(Page<? extends ArticleView> page) {
        super(page);
        List<ArticleEdge> list = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            list.add(new ArticleEdge(page.cursors().get(i), page.items().get(i)));
        }
        this.edges = list;
    }

    @NonNull
    @Description("The entries of this page, in order.")
    public List<@NonNull ArticleEdge> getEdges() {
        return edges;
    }
}
