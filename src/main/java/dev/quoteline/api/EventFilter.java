package dev.quoteline.api;

import dev.quoteline.extract.EventStatus;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("EventFilter")
@Description("Narrows a list of events. All given conditions must hold.")
public class EventFilter {
    @Id
    @Description("Only events these speakers took part in or spoke at.")
    public List<String> speakerIds;

    @Description("Only events whose time overlaps this day or later.")
    public LocalDate from;

    @Description("Only events whose time overlaps this day or earlier.")
    public LocalDate to;

    @Description("Only events of these kinds (MEETING, VISIT, ...).")
    public List<String> kinds;

    @Description("Only events with this status.")
    public List<EventStatus> statuses;

    @Id
    @Description("Only events reported by this article.")
    public String articleId;

    @Description("Full-text search over event titles and sentences (web search syntax).")
    public String search;
}
