package dev.quoteline.api;

import dev.quoteline.ingest.IngestService;
import dev.quoteline.ingest.InvalidArticleException;
import dev.quoteline.ingest.StoreOutcome;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The root fields of the Quoteline GraphQL API. */
@GraphQLApi
public class QuotelineApi {
    @Inject
    EntryRepository entries;
    @Inject
    ListRepository lists;
    @Inject
    ReadRepository reads;
    @Inject
    Filters filters;
    @Inject
    IngestService ingest;
    @Inject
    dev.quoteline.db.NativeSql sql;
    @Inject
    dev.quoteline.security.WriteAccess writeAccess;

    @Query("timeline")
    @NonNull
    @Description("Statements and events merged in time order (start day, then narrower precision first). Relay "
            + "connection; page with first/after forward or last/before backward, at most 100 per page.")
    public TimelineConnection timeline(
            @Description("Conditions the entries must meet.") TimelineFilter filter,
            @Description("Page size from the start or after `after` (default 20, at most 100).") Integer first,
            @Description("Cursor to read forward from.") String after,
            @Description("Page size from the end or before `before` (at most 100).") Integer last,
            @Description("Cursor to read backward from.") String before,
            @Description("TIME (default) or RELEVANCE (default when filter.search is given).") EntryOrder orderBy) {
        PageRequest request = PageRequest.of(first, after, last, before);
        return new TimelineConnection(entries.page(filters.timeline(filter, null).ordered(orderBy), request, "Timeline"));
    }

    /** {@link #timeline} for {@link CompiledOperations}, which tells what the query selects without SmallRye's context. */
    TimelineConnection timeline(TimelineFilter filter, Integer first, String after, Integer last, String before,
                                EntryOrder orderBy, Selections.Selected selected) {
        PageRequest request = PageRequest.of(first, after, last, before);
        return new TimelineConnection(entries.page(filters.timeline(filter, null).ordered(orderBy), request, "Timeline",
                selected));
    }

    @Query("statements")
    @NonNull
    @Description("Statements in time order, filtered.")
    public StatementConnection statements(
            @Description("Conditions the statements must meet.") StatementFilter filter,
            @Description("Page size (default 20, at most 100).") Integer first,
            @Description("Cursor to read forward from.") String after,
            @Description("TIME (default) or RELEVANCE (default when filter.search is given).") EntryOrder orderBy) {
        return new StatementConnection(narrow(entries.page(filters.statements(filter, null).ordered(orderBy),
                PageRequest.forward(first, after), "Statement"), StatementView.class));
    }

    @Query("events")
    @NonNull
    @Description("Events in time order, filtered.")
    public EventConnection events(
            @Description("Conditions the events must meet.") EventFilter filter,
            @Description("Page size (default 20, at most 100).") Integer first,
            @Description("Cursor to read forward from.") String after,
            @Description("TIME (default) or RELEVANCE (default when filter.search is given).") EntryOrder orderBy) {
        return new EventConnection(narrow(entries.page(filters.events(filter).ordered(orderBy),
                PageRequest.forward(first, after), "Event"),
                EventView.class));
    }

    @Query("speakers")
    @NonNull
    @Description("Speakers in name order, optionally only those with a name or alias containing `search`.")
    public SpeakerConnection speakers(
            @Description("Part of a name or alias, case-insensitive.") String search,
            @Description("Page size (default 20, at most 100).") Integer first,
            @Description("Cursor to read forward from.") String after) {
        return new SpeakerConnection(lists.speakers(search, PageRequest.forward(first, after)));
    }

    @Query("speaker")
    @Description("One speaker, by ID or by any of its names and aliases (case-insensitive). Give exactly one.")
    public SpeakerView speaker(@Id @Description("The speaker's global ID.") String id,
                               @Description("A name or alias: \"Angela Merkel\", \"Merkel\".") String name) {
        if ((id == null) == (name == null)) {
            throw new InvalidInputException("speaker needs exactly one of id or name");
        }
        if (id != null) {
            long rowId = GlobalId.decode(id, GlobalId.Type.Speaker, "id");
            return reads.speakers(List.of(rowId)).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("No speaker has the id '" + id + "'"));
        }
        if (name.isBlank()) {
            throw new InvalidInputException("name is empty: give a speaker's name or alias");
        }
        List<Long> ids = filters.speakersNamed(name);
        if (ids.isEmpty()) {
            throw new NotFoundException("No speaker is known by the name '" + GlobalId.abbreviate(name) + "'");
        }
        // An alias shared by several speakers (a bare surname) resolves to the one quoted most.
        List<SpeakerView> found = reads.speakers(ids);
        if (found.size() == 1) {
            return found.get(0);
        }
        Long best = sql.rows("select speaker_id from statement where speaker_id in " + EntryQuery.idList(ids)
                + " group by speaker_id order by count(*) desc, speaker_id limit 1").stream()
                .map(r -> dev.quoteline.db.NativeSql.toLong(r[0])).findFirst().orElse(ids.get(0));
        return found.stream().filter(s -> s.rowId() == best).findFirst().orElse(found.get(0));
    }

    @Query("articles")
    @NonNull
    @Description("Articles, newest publication date first (undated last).")
    public ArticleConnection articles(@Description("Page size (default 20, at most 100).") Integer first,
                                      @Description("Cursor to read forward from.") String after) {
        return new ArticleConnection(lists.articles(PageRequest.forward(first, after), null));
    }

    @Query("article")
    @Description("One article by its global ID.")
    public ArticleView article(@Id @NonNull @Description("The article's global ID.") String id) {
        long rowId = GlobalId.decode(id, GlobalId.Type.Article, "id");
        return reads.articles(List.of(rowId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No article has the id '" + id + "'"));
    }

    @Query("event")
    @Description("One event by its global ID.")
    public EventView event(@Id @NonNull @Description("The event's global ID.") String id) {
        long rowId = GlobalId.decode(id, GlobalId.Type.Event, "id");
        return reads.events(List.of(rowId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No event has the id '" + id + "'"));
    }

    @Query("node")
    @Description("Any object by its global ID (Relay object identification).")
    public Node node(@Id @NonNull @Description("A global ID from any `id` field.") String id) {
        GlobalId.Decoded decoded = GlobalId.decode(id, "id");
        List<Long> ids = List.of(decoded.rowId());
        List<? extends Node> found = switch (decoded.type()) {
            case Article -> reads.articles(ids);
            case Speaker -> reads.speakers(ids);
            case Statement -> reads.statements(ids);
            case Event -> reads.events(ids);
        };
        if (found.isEmpty()) {
            throw new NotFoundException("Could not resolve to a node with the global id of '" + id + "'");
        }
        return found.get(0);
    }

    @Query("analyzeArticle")
    @NonNull
    @Description("Runs the full analysis on a submitted article and returns what it found, storing nothing.")
    public AnalysisTypes.Analysis analyzeArticle(@NonNull @Description("The article to analyse.") ArticleInput input) {
        try {
            return AnalysisTypes.of(ingest.analyse(input.body, input.title, input.source, input.url, input.publishedAt)
                    .analysis());
        } catch (InvalidArticleException e) {
            throw new InvalidInputException("input." + e.getMessage());
        }
    }

    @Mutation("ingestArticle")
    @NonNull
    @Description("Analyses an article and stores it with its statements, speakers and events in one transaction. "
            + "Ingesting the same text again returns the stored article and changes nothing. Needs a bearer token "
            + "(Authorization: Bearer <token>); without one the answer is an UNAUTHENTICATED error and HTTP 401.")
    public IngestResult ingestArticle(@NonNull @Description("The article to ingest.") ArticleInput input) {
        writeAccess.requireWriter();
        StoreOutcome outcome;
        try {
            outcome = ingest.ingest(input.body, input.title, input.source, input.url, input.publishedAt);
        } catch (InvalidArticleException e) {
            throw new InvalidInputException("input." + e.getMessage());
        }
        // a new article's row came back from its insert; a text already stored is read
        ArticleView article = outcome.articleRow() != null ? ReadRepository.article(outcome.articleRow())
                : reads.articles(List.of(outcome.articleId())).get(0);
        return new IngestResult(article, outcome.created(), outcome.statements(), outcome.speakers(), outcome.events());
    }

    @SuppressWarnings("unchecked")
    static <T> Page<T> narrow(Page<TimelineEntry> page, Class<T> type) {
        for (Object item : page.items()) {
            type.cast(item);
        }
        return (Page<T>) (Page<?>) page;
    }
}
