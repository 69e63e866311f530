package dev.quoteline.api;

import dev.quoteline.db.NativeSql;
import dev.quoteline.extract.EventStatus;
import dev.quoteline.extract.StatementKind;
import dev.quoteline.ingest.NameKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Turns the GraphQL filter inputs into {@link EntryQuery} conditions, validating every argument on the way. */
@ApplicationScoped
public class Filters {
    @Inject
    NativeSql sql;

    EntryQuery timeline(TimelineFilter f, Long speakerRowId) {
        return timeline(f, speakerRowId, this::speakersNamed);
    }

    /**
     * {@code Speaker.timeline} for a list of speakers: one query each, in the speakers' order, with the filter's
     * {@code speakerName} looked up once for all of them (not once per speaker).
     */
    java.util.Map<Long, EntryQuery> timelines(TimelineFilter f, List<Long> speakerRowIds) {
        java.util.Map<String, List<Long>> named = new java.util.HashMap<>();
        java.util.function.Function<String, List<Long>> lookup = name -> named.computeIfAbsent(name, this::speakersNamed);
        java.util.Map<Long, EntryQuery> out = new java.util.LinkedHashMap<>();
        for (Long id : speakerRowIds) {
            out.putIfAbsent(id, timeline(f, id, lookup));
        }
        return out;
    }

    private EntryQuery timeline(TimelineFilter f, Long speakerRowId, java.util.function.Function<String, List<Long>> named) {
        EntryQuery q = new EntryQuery();
        TimelineFilter filter = f == null ? new TimelineFilter() : f;
        if (filter.kinds != null && !filter.kinds.isEmpty()) {
            q.statements = filter.kinds.contains(EntryKind.STATEMENT);
            q.events = filter.kinds.contains(EntryKind.EVENT);
        }
        return shared(q, filter.speakerIds, filter.speakerName, speakerRowId, filter.from, filter.to, filter.articleId,
                filter.search, filter.includeUndated, named);
    }

    EntryQuery statements(StatementFilter f, Long speakerRowId) {
        EntryQuery q = new EntryQuery();
        q.events = false;
        StatementFilter filter = f == null ? new StatementFilter() : f;
        if (filter.kinds != null && !filter.kinds.isEmpty()) {
            q.onStatements("s.kind in (" + filter.kinds.stream().map(k -> "'" + StatementKind.valueOf(k.name()) + "'")
                    .collect(Collectors.joining(",")) + ")");
        }
        return shared(q, filter.speakerIds, filter.speakerName, speakerRowId, filter.from, filter.to, filter.articleId,
                filter.search, filter.includeUndated, this::speakersNamed);
    }

    /** The conditions the timeline and statement filters have in common. */
    private EntryQuery shared(EntryQuery q, List<String> speakerIds, String speakerName, Long speakerRowId,
                              LocalDate from, LocalDate to, String articleId, String search, Boolean includeUndated,
                              java.util.function.Function<String, List<Long>> named) {
        List<Long> speakers = speakerIds(speakerIds, speakerName, speakerRowId, named);
        if (speakers != null) {
            bySpeakers(q, speakers);
        }
        byDates(q, from, to);
        if (articleId != null) {
            byArticle(q, GlobalId.decode(articleId, GlobalId.Type.Article, "filter.articleId"));
        }
        bySearch(q, search);
        if (!Boolean.TRUE.equals(includeUndated)) {
            q.onStatements("s.sort_day < 'infinity'"); // the index column itself: undated rows sort at infinity
        }
        return q;
    }

    EntryQuery events(EventFilter f) {
        EntryQuery q = new EntryQuery();
        q.statements = false;
        EventFilter filter = f == null ? new EventFilter() : f;
        List<Long> speakers = speakerIds(filter.speakerIds, null, null, this::speakersNamed);
        if (speakers != null) {
            bySpeakers(q, speakers);
        }
        byDates(q, filter.from, filter.to);
        if (filter.articleId != null) {
            byArticle(q, GlobalId.decode(filter.articleId, GlobalId.Type.Article, "filter.articleId"));
        }
        if (filter.kinds != null && !filter.kinds.isEmpty()) {
            List<String> marks = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            for (String kind : filter.kinds) {
                marks.add("?");
                params.add(kind.strip().toUpperCase());
            }
            q.onEvents("e.kind in (" + String.join(",", marks) + ")", params.toArray());
        }
        if (filter.statuses != null && !filter.statuses.isEmpty()) {
            q.onEvents("e.status in (" + filter.statuses.stream().map(s -> "'" + EventStatus.valueOf(s.name()) + "'")
                    .collect(Collectors.joining(",")) + ")");
        }
        bySearch(q, filter.search);
        return q;
    }

    /** Speaker row ids named by the filter, or null when the filter names no speaker. */
    private List<Long> speakerIds(List<String> ids, String name, Long fixed,
                                  java.util.function.Function<String, List<Long>> named) {
        List<Long> result = null;
        if (fixed != null) {
            result = new ArrayList<>(List.of(fixed));
        }
        if (ids != null) {
            List<Long> decoded = new ArrayList<>();
            for (String id : ids) {
                decoded.add(GlobalId.decode(id, GlobalId.Type.Speaker, "filter.speakerIds"));
            }
            result = intersect(result, decoded);
        }
        if (name != null) {
            if (name.isBlank()) {
                throw new InvalidInputException("filter.speakerName is empty: give a name or alias, or leave it out");
            }
            result = intersect(result, named.apply(name));
        }
        return result;
    }

    /** Row ids of the speakers known by this name or alias. */
    public List<Long> speakersNamed(String name) {
        return sql.rows("select distinct speaker_id from speaker_alias where alias_key = ?", NameKeys.of(name))
                .stream().map(r -> NativeSql.toLong(r[0])).toList();
    }

    private static List<Long> intersect(List<Long> a, List<Long> b) {
        if (a == null) return b;
        List<Long> out = new ArrayList<>(a);
        out.retainAll(b);
        return out;
    }

    private static void bySpeakers(EntryQuery q, List<Long> speakers) {
        String list = EntryQuery.idList(speakers);
        q.onStatements("s.speaker_id in " + list);
        // speaker_event: the events each speaker took part in or spoke at (V4__speaker_event.sql)
        String events = "e.id in (select se.event_id from speaker_event se where se.speaker_id in " + list + ")";
        q.onEvents(events);
        if (speakers.size() == 1) {
            q.eventsOfOneSpeaker(speakers.get(0), events);
        }
    }

    private static void byDates(EntryQuery q, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("filter.from (" + from + ") is after filter.to (" + to + ")");
        }
        // Overlap, not containment: an event running 6-12 March is inside a filter of 10-20 March.
        q.from = from;
        if (to != null) {
            q.onStatements("s.sort_day <= ?", to);
            q.onEvents("e.sort_day <= ?", to);
        }
    }

    private static void byArticle(EntryQuery q, long articleId) {
        q.onStatements("s.article_id = ?", articleId);
        q.onEvents("e.id in (select ea.event_id from event_article ea where ea.article_id = ?)", articleId);
    }

    private static void bySearch(EntryQuery q, String search) {
        if (search == null) {
            return;
        }
        if (search.isBlank()) {
            throw new InvalidInputException("filter.search is empty: give words to search for, or leave it out");
        }
        q.search = search;
        // EntryRepository.withQuery recognises these two conditions by their text
        q.onStatements("s.search_vector @@ websearch_to_tsquery('english', ?)", search);
        q.onEvents("e.search_vector @@ websearch_to_tsquery('english', ?)", search);
    }
}
