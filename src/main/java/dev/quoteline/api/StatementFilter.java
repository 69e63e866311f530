package dev.quoteline.api;

import dev.quoteline.extract.StatementKind;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("StatementFilter")
@Description("Narrows a list of statements. All given conditions must hold.")
public class StatementFilter {
    @Id
    @Description("Only statements by these speakers.")
    public List<String> speakerIds;

    @Description("Only statements by the speaker known by this name or any alias (case-insensitive, exact).")
    public String speakerName;

    @Description("Only statements said on this day or later.")
    public LocalDate from;

    @Description("Only statements said on this day or earlier.")
    public LocalDate to;

    @Description("Only these kinds of statement.")
    public List<StatementKind> kinds;

    @Id
    @Description("Only statements from this article.")
    public String articleId;

    @Description("Full-text search over the statement text (web search syntax: \"quoted phrase\", or, -word).")
    public String search;

    @Description("Also list statements of undated articles (they come last). Default false.")
    public Boolean includeUndated;
}
