package dev.quoteline.api;

import dev.quoteline.extract.EventStatus;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Event")
@Description("A dated happening reported by one or more articles: a meeting, visit, announcement, attack, deadline...")
public class EventView implements Node, TimelineEntry {
    private final long rowId;
    private final String title;
    private final String kind;
    private final EventStatus status;
    private final When when;
    private final String sentence;
    private final List<String> places;
    private final List<String> participantNames;
    private final String snippet;

    public EventView(long rowId, String title, String kind, EventStatus status, When when, String sentence,
                     List<String> places, List<String> participantNames, String snippet) {
        this.rowId = rowId;
        this.title = title;
        this.kind = kind;
        this.status = status;
        this.when = when;
        this.sentence = sentence;
        this.places = places;
        this.participantNames = participantNames;
        this.snippet = snippet;
    }

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID of the event.")
    public String getId() {
        return GlobalId.of(GlobalId.Type.Event, rowId);
    }

    @Override
    @NonNull
    @Description("When it happened or is expected to happen.")
    public When getWhen() {
        return when;
    }

    @NonNull
    @Description("Short title made from the reporting sentence: subject, action, object.")
    public String getTitle() {
        return title;
    }

    @NonNull
    @Description("What sort of event: MEETING, VISIT, TALKS, ANNOUNCEMENT, ORDER, ATTACK, CAPTURE, DEADLINE, REPORT, PRESS_CONFERENCE, OTHER...")
    public String getKind() {
        return kind;
    }

    @NonNull
    @Description("PAST, ONGOING, or EXPECTED as of the reporting article's date.")
    public EventStatus getStatus() {
        return status;
    }

    @NonNull
    @Description("The sentence that first reported it.")
    public String getSentence() {
        return sentence;
    }

    @NonNull
    @Description("Places named in the reporting sentence.")
    public List<@NonNull String> getPlaces() {
        return places;
    }

    @NonNull
    @Description("Names of the people and organisations taking part, as written.")
    public List<@NonNull String> getParticipantNames() {
        return participantNames;
    }

    @Description("When the list was searched: the event title and sentence around the matched words, which are wrapped in <mark>…</mark> "
            + "(PostgreSQL ts_headline); null otherwise.")
    public String getSnippet() {
        return snippet;
    }

    @Ignore
    public long rowId() {
        return rowId;
    }
}
