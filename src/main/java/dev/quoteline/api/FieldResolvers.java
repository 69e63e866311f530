package dev.quoteline.api;

import dev.quoteline.db.NativeSql;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * Fields that need another table. Every one takes the whole list of parents ({@code @Source List}) and answers with
 * one SQL statement, so a page costs the same number of statements whatever its size (no N+1).
 */
@GraphQLApi
public class FieldResolvers {
    @Inject
    NativeSql sql;
    @Inject
    ReadRepository reads;
    @Inject
    EntryRepository entries;
    @Inject
    ListRepository lists;
    @Inject
    Filters filters;
    @Inject
    io.smallrye.graphql.api.Context context;

    // ---- Statement ----

    @Description("Who made the statement; null when no speaker could be found.")
    public List<SpeakerView> speaker(@Source List<StatementView> statements) {
        List<Long> ids = statements.stream().map(StatementView::speakerRowId).toList();
        List<SpeakerView> found = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (StatementView statement : statements) {
            if (statement.prefetchedSpeaker() != null) {
                found.add(statement.prefetchedSpeaker());
            } else if (statement.speakerRowId() != null) {
                missing.add(statement.speakerRowId());
            }
        }
        List<Long> distinct = distinct(missing);
        if (!distinct.isEmpty()) {
            // a page that shows each speaker's roles reads them here: one round trip instead of two
            found.addAll(Selections.asks(context, "roles") ? reads.speakersWithRoles(distinct) : reads.speakers(distinct));
        }
        return ReadRepository.inOrder(ids, found, SpeakerView::rowId);
    }

    @NonNull
    @Description("The article the statement appears in.")
    public List<ArticleView> article(@Source List<StatementView> statements) {
        List<Long> ids = statements.stream().map(StatementView::articleRowId).toList();
        List<ArticleView> found = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (StatementView statement : statements) {
            if (statement.prefetchedArticle() != null) {
                found.add(statement.prefetchedArticle());
            } else {
                missing.add(statement.articleRowId());
            }
        }
        found.addAll(reads.articles(distinct(missing)));
        return ReadRepository.inOrder(ids, found, ArticleView::rowId);
    }

    @Description("The event the statement was made at (a news conference, a meeting), when the article says.")
    public List<EventView> occasion(@Source List<StatementView> statements) {
        List<Long> ids = statements.stream().map(StatementView::occasionRowId).toList();
        return ReadRepository.inOrder(ids, reads.events(distinct(ids)), EventView::rowId);
    }

    // ---- Speaker ----

    @NonNull
    @Description("Every surface form the speaker was mentioned by, across articles.")
    public List<List<@NonNull String>> aliases(@Source List<SpeakerView> speakers) {
        Map<Long, List<String>> by = group(speakerIds(speakers),
                "select speaker_id, alias from speaker_alias where speaker_id = %s order by speaker_id, id",
                r -> (String) r[1]);
        return speakers.stream().map(s -> by.getOrDefault(s.rowId(), List.of())).toList();
    }

    @NonNull
    @Description("Roles the articles state for the speaker, each dated by its article, newest first.")
    public List<List<@NonNull RoleView>> roles(@Source List<SpeakerView> speakers) {
        List<SpeakerView> unread = speakers.stream().filter(s -> s.prefetchedRoles() == null).toList();
        if (unread.isEmpty()) {
            return speakers.stream().map(SpeakerView::prefetchedRoles).toList();
        }
        Map<Long, List<RoleView>> by = group(speakerIds(unread), """
                select speaker_id, label, title, organization, stated_on from speaker_role where speaker_id = %s
                order by speaker_id, stated_on desc nulls last, id""",
                r -> new RoleView((String) r[1], (String) r[2], (String) r[3], NativeSql.toDate(r[4])));
        return speakers.stream().map(s -> s.prefetchedRoles() != null ? s.prefetchedRoles()
                : by.getOrDefault(s.rowId(), List.of())).toList();
    }

    @Description("Number of statements attributed to the speaker.")
    public List<Integer> statementCount(@Source List<SpeakerView> speakers) {
        Map<Long, Object[]> stats = speakerStats(speakers);
        return speakers.stream().map(s -> stats.containsKey(s.rowId()) ? NativeSql.toInt(stats.get(s.rowId())[1]) : 0).toList();
    }

    @Description("Day of the speaker's earliest dated statement.")
    public List<LocalDate> firstStatedOn(@Source List<SpeakerView> speakers) {
        Map<Long, Object[]> stats = speakerStats(speakers);
        return speakers.stream().map(s -> stats.containsKey(s.rowId()) ? NativeSql.toDate(stats.get(s.rowId())[2]) : null).toList();
    }

    @Description("Day of the speaker's latest dated statement.")
    public List<LocalDate> lastStatedOn(@Source List<SpeakerView> speakers) {
        Map<Long, Object[]> stats = speakerStats(speakers);
        return speakers.stream().map(s -> stats.containsKey(s.rowId()) ? NativeSql.toDate(stats.get(s.rowId())[3]) : null).toList();
    }

    @NonNull
    @Description("The speaker's statements in time order (undated last).")
    public List<StatementConnection> statements(@Source List<SpeakerView> speakers,
                                                @Description("Page size (default 20, at most 100).") Integer first,
                                                @Description("Cursor to read forward from.") String after) {
        Map<Long, Page<StatementView>> pages = entries.statementsBySpeaker(speakerIds(speakers),
                PageRequest.forward(first, after));
        return speakers.stream().map(s -> new StatementConnection(pages.get(s.rowId()))).toList();
    }

    @NonNull
    @Description("The speaker's statements and the events the speaker took part in or spoke at, in time order.")
    public List<TimelineConnection> timeline(@Source List<SpeakerView> speakers,
                                             @Description("Further conditions.") TimelineFilter filter,
                                             @Description("Page size (default 20, at most 100).") Integer first,
                                             @Description("Cursor to read forward from.") String after) {
        PageRequest request = PageRequest.forward(first, after);
        Map<Long, EntryQuery> queries = filters.timelines(filter, speakerIds(speakers));
        queries.values().forEach(q -> q.ordered(null));
        Map<Long, Page<TimelineEntry>> pages = entries.pagesBySpeaker(queries, request, "Timeline");
        return speakers.stream().map(s -> new TimelineConnection(pages.get(s.rowId()))).toList();
    }

    @NonNull
    @Description("Speakers quoted in the same articles, most shared articles first.")
    public List<List<@NonNull CoSpeakerView>> coSpeakers(@Source List<SpeakerView> speakers,
                                                         @Description("How many (default 10, at most 100).") Integer first) {
        int n = first == null ? 10 : first;
        if (n < 0 || n > PageRequest.MAX_PAGE) {
            throw new InvalidInputException("first must be between 0 and " + PageRequest.MAX_PAGE + " (was " + n + ")");
        }
        // Each (article, other speaker) pair once per article (a lateral distinct over the article's index range), so
        // shared articles are a plain count(*) that hashes: count(distinct) sorted every pair of a frequent speaker's
        // 200,000 to disk (about 1.6 times slower on the suite's data).
        Map<Long, List<CoSpeakerView>> by = groupInlined(speakerIds(speakers), """
                select x.speaker_id, o.id, o.name, o.kind, x.shared from (
                  select a.speaker_id, c.other, count(*) as shared,
                         row_number() over (partition by a.speaker_id order by count(*) desc, c.other) as rn
                  from (select distinct speaker_id, article_id from statement where speaker_id in %s) a
                  cross join lateral (select distinct b.speaker_id as other from statement b
                                      where b.article_id = a.article_id and b.speaker_id is not null
                                        and b.speaker_id <> a.speaker_id) c
                  group by a.speaker_id, c.other) x
                join speaker o on o.id = x.other
                where x.rn <= """ + n + " order by x.speaker_id, x.rn",
                r -> new CoSpeakerView(ReadRepository.speaker(new Object[] {r[1], r[2], r[3]}), NativeSql.toInt(r[4])));
        return speakers.stream().map(s -> by.getOrDefault(s.rowId(), List.of())).toList();
    }

    @NonNull
    @Description("Articles that quote the speaker, newest first.")
    public List<ArticleConnection> articles(@Source List<SpeakerView> speakers,
                                            @Description("Page size (default 20, at most 100).") Integer first,
                                            @Description("Cursor to read forward from.") String after) {
        Map<Long, Page<ArticleView>> pages = lists.articlesBySpeaker(speakerIds(speakers), PageRequest.forward(first, after));
        return speakers.stream().map(s -> new ArticleConnection(pages.get(s.rowId()))).toList();
    }

    // ---- Event ----

    @NonNull
    @Description("Speakers who took part in the event.")
    public List<List<@NonNull SpeakerView>> participants(@Source List<EventView> events) {
        Map<Long, List<SpeakerView>> by = group(events.stream().map(EventView::rowId).toList(), """
                select p.event_id, s.id, s.name, s.kind from event_participant p join speaker s on s.id = p.speaker_id
                where p.event_id = %s order by p.event_id, s.name""",
                r -> ReadRepository.speaker(new Object[] {r[1], r[2], r[3]}));
        return events.stream().map(e -> by.getOrDefault(e.rowId(), List.of())).toList();
    }

    @NonNull
    @Description("Articles that report the event.")
    public List<List<@NonNull ArticleView>> articles(@Source List<EventView> events) {
        Map<Long, List<ArticleView>> by = group(events.stream().map(EventView::rowId).toList(),
                "select ea.event_id, " + ReadRepository.ARTICLE_COLUMNS + " from event_article ea join article a on a.id = ea.article_id "
                        + "where ea.event_id = %s order by ea.event_id, a.published_on, a.id",
                r -> ReadRepository.article(java.util.Arrays.copyOfRange(r, 1, r.length)));
        return events.stream().map(e -> by.getOrDefault(e.rowId(), List.of())).toList();
    }

    @NonNull
    @Description("Each article's report of the event: the article and the sentence with its offsets in that body.")
    public List<List<@NonNull EventReport>> reports(@Source List<EventView> events) {
        Map<Long, List<EventReport>> by = group(events.stream().map(EventView::rowId).toList(),
                "select ea.event_id, ea.sentence, ea.sentence_start, ea.sentence_end, " + ReadRepository.ARTICLE_COLUMNS
                        + " from event_article ea join article a on a.id = ea.article_id where ea.event_id = %s "
                        + "order by ea.event_id, a.published_on, a.id",
                r -> new EventReport(ReadRepository.article(java.util.Arrays.copyOfRange(r, 4, r.length)),
                        new TextSpan((String) r[1], NativeSql.toInt(r[2]), NativeSql.toInt(r[3]))));
        return events.stream().map(e -> by.getOrDefault(e.rowId(), List.of())).toList();
    }

    // ---- Article ----

    @NonNull
    @Description("The body exactly as submitted; statement offsets point into it. Loaded only when asked: bodies are "
            + "the largest column, and lists of articles rarely need them.")
    public List<String> body(@Source List<ArticleView> articles) {
        Map<Long, String> bodies = new HashMap<>();
        List<Long> ids = articles.stream().map(ArticleView::rowId).toList();
        for (Object[] r : sql.rows("select id, body from article where id = " + EntryQuery.ANY_ID,
                EntryQuery.idArray(distinct(ids)))) {
            bodies.put(NativeSql.toLong(r[0]), (String) r[1]);
        }
        return ids.stream().map(bodies::get).toList();
    }

    @NonNull
    @Description("The article's statements in body order.")
    public List<List<@NonNull StatementView>> statements(@Source List<ArticleView> articles) {
        Map<Long, List<StatementView>> by = group(articles.stream().map(ArticleView::rowId).toList(),
                "select s.article_id, " + ReadRepository.STATEMENT_COLUMNS + " from statement s where s.article_id = %s "
                        + "order by s.article_id, s.start_offset, s.id",
                r -> ReadRepository.statement(java.util.Arrays.copyOfRange(r, 1, r.length)));
        return articles.stream().map(a -> by.getOrDefault(a.rowId(), List.of())).toList();
    }

    @NonNull
    @Description("Events the article reports, in time order.")
    public List<List<@NonNull EventView>> events(@Source List<ArticleView> articles) {
        Map<Long, List<EventView>> by = group(articles.stream().map(ArticleView::rowId).toList(),
                "select ea.article_id, " + ReadRepository.EVENT_COLUMNS + " from event_article ea join event e on e.id = ea.event_id "
                        + "where ea.article_id = %s order by ea.article_id, e.sort_day, e.precision_rank, e.id",
                r -> ReadRepository.event(java.util.Arrays.copyOfRange(r, 1, r.length)));
        return articles.stream().map(a -> by.getOrDefault(a.rowId(), List.of())).toList();
    }

    // ---- helpers ----

    private Map<Long, Object[]> speakerStats(List<SpeakerView> speakers) {
        Map<Long, Object[]> stats = new HashMap<>();
        for (Object[] r : sql.rows("select speaker_id, count(*), min(said_start), max(coalesce(said_end, said_start)) "
                + "from statement where speaker_id in " + EntryQuery.idList(speakerIds(speakers)) + " group by speaker_id")) {
            stats.put(NativeSql.toLong(r[0]), r);
        }
        return stats;
    }

    /** The template's {@code %s} is the right-hand side of {@code parent_id = }, bound as one array. */
    private <T> Map<Long, List<T>> group(List<Long> parentIds, String sqlTemplate, Function<Object[], T> map) {
        if (parentIds.isEmpty()) {
            return new HashMap<>();
        }
        return collect(sql.rows(sqlTemplate.formatted(EntryQuery.ANY_ID), EntryQuery.idArray(distinct(parentIds))), map);
    }

    /** The template's {@code %s} is a list of literals, for plans that depend on which speakers are asked for. */
    private <T> Map<Long, List<T>> groupInlined(List<Long> parentIds, String sqlTemplate, Function<Object[], T> map) {
        if (parentIds.isEmpty()) {
            return new HashMap<>();
        }
        return collect(sql.rows(sqlTemplate.formatted(EntryQuery.idList(distinct(parentIds)))), map);
    }

    private static <T> Map<Long, List<T>> collect(List<Object[]> rows, Function<Object[], T> map) {
        Map<Long, List<T>> by = new HashMap<>();
        for (Object[] r : rows) {
            by.computeIfAbsent(NativeSql.toLong(r[0]), k -> new ArrayList<>()).add(map.apply(r));
        }
        return by;
    }

    private static List<Long> speakerIds(List<SpeakerView> speakers) {
        return speakers.stream().map(SpeakerView::rowId).toList();
    }

    private static List<Long> distinct(List<Long> ids) {
        return ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
