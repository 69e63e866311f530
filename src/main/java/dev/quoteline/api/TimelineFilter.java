package dev.quoteline.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("TimelineFilter")
@Description("Narrows a timeline. All given conditions must hold.")
public class TimelineFilter {
    @Id
    @Description("Only these speakers' statements, and the events they took part in or spoke at.")
    public List<String> speakerIds;

    @Description("Only the speaker known by this name or any alias (case-insensitive, exact).")
    public String speakerName;

    @Description("Only entries whose time overlaps this day or later.")
    public LocalDate from;

    @Description("Only entries whose time overlaps this day or earlier.")
    public LocalDate to;

    @Description("Only these kinds of entry (default both).")
    public List<EntryKind> kinds;

    @Id
    @Description("Only entries from this article.")
    public String articleId;

    @Description("Full-text search over statement and event text (web search syntax: \"quoted phrase\", or, -word).")
    public String search;

    @Description("Also list entries of undated articles (they come last). Default false.")
    public Boolean includeUndated;
}
