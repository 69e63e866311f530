package dev.quoteline.api;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of speakers, Relay style: edges with cursors, page info and the total count.")
public class SpeakerConnection extends Connection {
    private final List<SpeakerEdge> edges;

    public SpeakerConnection(Page<? extends SpeakerView> page) {
        super(page);
        List<SpeakerEdge> list = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            list.add(new SpeakerEdge(page.cursors().get(i), page.items().get(i)));
        }
        this.edges = list;
    }

    @NonNull
    @Description("The entries of this page, in order.")
    public List<@NonNull SpeakerEdge> getEdges() {
        return edges;
    }
}
