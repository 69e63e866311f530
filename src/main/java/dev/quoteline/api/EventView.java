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
    private Detail detail;
    /** Where {@link #detail} comes from when the page's statement left it out; null when it was read with the rest. */
    private final RestOfPage<Detail> restOfPage;
    private final String snippet;

    /** The reporting sentence and what was read from it: the columns a timeline page reads only when asked for. */
    record Detail(String sentence, List<String> places, List<String> participantNames) {
    }

    public EventView(long rowId, String title, String kind, EventStatus status, When when, Detail detail, String snippet) {
        this(rowId, title, kind, status, when, detail, null, snippet);
    }

    /** An event whose {@link Detail} is read with the rest of its page's when first asked for. */
    EventView(long rowId, String title, String kind, EventStatus status, When when, RestOfPage<Detail> restOfPage) {
        this(rowId, title, kind, status, when, null, restOfPage, null);
    }

    private EventView(long rowId, String title, String kind, EventStatus status, When when, Detail detail,
                      RestOfPage<Detail> restOfPage, String snippet) {
        this.rowId = rowId;
        this.title = title;
        this.kind = kind;
        this.status = status;
        this.when = when;
        this.detail = detail;
        this.restOfPage = restOfPage;
        this.snippet = snippet;
    }

    private Detail detail() {
        Detail d = detail;
        if (d == null) {
            d = detail = restOfPage.of(rowId);
        }
        return d;
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
        return detail().sentence();
    }

    @NonNull
    @Description("Places named in the reporting sentence.")
    public List<@NonNull String> getPlaces() {
        return detail().places();
    }

    @NonNull
    @Description("Names of the people and organisations taking part, as written.")
    public List<@NonNull String> getParticipantNames() {
        return detail().participantNames();
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
