package dev.quoteline.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The conditions of one timeline-like list, as SQL fragments with their parameters, for the statement branch
 * (alias {@code s}) and the event branch (alias {@code e}). A branch that is switched off contributes nothing.
 */
public final class EntryQuery {
    boolean statements = true;
    boolean events = true;
    final List<String> statementWhere = new ArrayList<>();
    final List<Object> statementParams = new ArrayList<>();
    final List<String> eventWhere = new ArrayList<>();
    final List<Object> eventParams = new ArrayList<>();
    /**
     * Lower bound of a date filter, kept apart from the other conditions: "overlaps from onwards" is read as two index
     * ranges (entries starting on or after {@code from}, and the few wide entries starting before it but ending on or
     * after it), so a page for a recent month never scans the years before it.
     */
    java.time.LocalDate from;
    /** The full-text search, for relevance order and snippets; its match condition is among the conditions too. */
    String search;
    EntryOrder order = EntryOrder.TIME;
    /**
     * The speaker whose events these are, when exactly one is: a time-ordered page then walks that speaker's own
     * index of events (speaker_event's time order) instead of every event past the cursor. {@link #eventWhere} holds
     * the same restriction as {@link #oneSpeakerEventsCondition}, for the paths that do not walk that index.
     */
    Long oneSpeakerEvents;
    String oneSpeakerEventsCondition;

    /** Relevance when asked, or by default when there is a search; asking relevance without a search is an error. */
    EntryQuery ordered(EntryOrder asked) {
        if (asked == EntryOrder.RELEVANCE && search == null) {
            throw new InvalidInputException("orderBy RELEVANCE needs filter.search");
        }
        order = asked != null ? asked : search != null ? EntryOrder.RELEVANCE : EntryOrder.TIME;
        return this;
    }

    EntryQuery onStatements(String condition, Object... params) {
        statementWhere.add(condition);
        statementParams.addAll(List.of(params));
        return this;
    }

    EntryQuery onEvents(String condition, Object... params) {
        eventWhere.add(condition);
        eventParams.addAll(List.of(params));
        return this;
    }

    void eventsOfOneSpeaker(long speakerId, String condition) {
        oneSpeakerEvents = speakerId;
        oneSpeakerEventsCondition = condition;
    }

    static String where(List<String> conditions) {
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    /**
     * The right-hand side of {@code column = ANY_ID}, bound to {@link #idArray}: one parameter whatever the number of
     * ids, so a batch's SQL text is the same for every page. The JDBC driver then prepares it on the server from its
     * fifth use (no parse or plan per request) and reads the rows in binary; with the ids inlined every page was a new
     * statement. For primary and foreign key lookups, whose plan does not depend on how many ids there are.
     */
    public static final String ANY_ID = "any(cast(? as bigint[]))";

    /** {@code ids} as a PostgreSQL array literal for {@link #ANY_ID}. */
    public static String idArray(java.util.Collection<Long> ids) {
        StringBuilder sb = new StringBuilder(ids.size() * 8 + 2).append('{');
        boolean first = true;
        for (Long id : ids) {
            if (id == null) continue;
            if (!first) sb.append(',');
            sb.append(id.longValue());
            first = false;
        }
        return sb.append('}').toString();
    }

    /**
     * {@code ids} as a SQL list of literals: they are parsed longs, so inlining is safe; for
     * lookups whose best plan depends on the ids (a frequent speaker's statements), where a generic plan would not do.
     */
    public static String idList(List<Long> ids) {
        if (ids.isEmpty()) {
            return "(null)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(ids.get(i).longValue());
        }
        return sb.append(')').toString();
    }

    /**
     * A keyset condition past a cursor: {@code (columns) comparison (select cast(? as type), ...)}, one parameter per
     * column. The cursor's values come from an uncorrelated subquery, which PostgreSQL runs once per execution (an
     * InitPlan) and whose values its planner never sees, so the page's estimate is the same whatever the cursor. The
     * prepared statement's generic plan then costs no more than a custom one and is reused from the sixth execution.
     * With the values as plain parameters each cursor's custom plan looked cheaper than the generic plan (which assumes
     * a third of the rows lie past an unknown bound), so PostgreSQL planned every page after the first again, more than
     * half of its CPU for page 20 of a speaker's timeline (README "Performance", eleventh round). The index walk is the
     * same: the subquery's values are the index scan's bound either way.
     */
    static String pastCursor(String columns, String comparison, String... types) {
        StringBuilder sb = new StringBuilder("(").append(columns).append(") ").append(comparison).append(" (select ");
        for (int i = 0; i < types.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append("cast(? as ").append(types[i]).append(')');
        }
        return sb.append(')').toString();
    }
}
