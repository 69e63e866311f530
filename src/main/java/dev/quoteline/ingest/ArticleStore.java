package dev.quoteline.ingest;

import dev.quoteline.db.NativeSql;
import dev.quoteline.extract.ArticleAnalysis;
import dev.quoteline.extract.ExtractedEvent;
import dev.quoteline.extract.ExtractedRole;
import dev.quoteline.extract.ExtractedSpeaker;
import dev.quoteline.extract.ExtractedStatement;
import dev.quoteline.extract.SpeakerKind;
import dev.quoteline.extract.RawArticle;
import dev.quoteline.extract.time.PublicationTime;
import dev.quoteline.extract.time.TemporalValue;
import dev.quoteline.model.PrecisionRank;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stores one analysed article in one transaction: the article, its speakers (merged with the speakers already known),
 * their aliases and roles, its events (merged with the same event reported elsewhere) and its statements. Uniqueness
 * is enforced by constraints and upserts, so concurrent ingests of the same text or the same new speaker converge;
 * merging runs under one lock (see {@link #store}), and a transaction that still loses a race is retried by
 * {@link IngestService}.
 */
@ApplicationScoped
public class ArticleStore {
    @Inject
    NativeSql sql;
    @Inject
    EntityManager em;

    /** The id of the article stored with exactly this text, if any (a seed already loaded needs no analysis). */
    @Transactional
    public Long storedId(String body) {
        return NativeSql.toLong(sql.value("select id from article where content_hash = ?", ContentHash.of(body)));
    }

    // Its own transaction even when a caller has one open: IngestService retries a store that lost a race, and
    // a retry is only sound when the failed attempt took nothing else down with it.
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public StoreOutcome store(RawArticle raw, ArticleAnalysis analysis) {
        String hash = ContentHash.of(raw.body());
        PublicationTime published = analysis.publishedAt();
        Object inserted = sql.value("""
                insert into article (title, publisher, section, url, published_on, published_at, published_offset,
                                     published_zone, published_precision, body, content_hash)
                values (cast(? as text), cast(? as text), cast(? as text), cast(? as text), cast(? as date),
                        cast(? as timestamptz), cast(? as text), cast(? as text), cast(? as text), ?, ?)
                on conflict (content_hash) do nothing
                returning id""",
                analysis.title(), analysis.publisher(), analysis.section(), raw.url(),
                published == null ? null : published.date(),
                published == null || published.instant() == null ? null : published.instant(),
                published == null || published.instant() == null ? null : published.instant().getOffset().getId(),
                published == null ? null : published.zoneLabel(),
                published == null ? null : (published.instant() == null ? "DAY" : "TIME"),
                raw.body(), hash);
        if (inserted == null) {
            // The insert waited for any concurrent writer of the same text to finish, and this statement's new
            // snapshot sees that writer's committed row.
            Long existing = NativeSql.toLong(sql.value("select id from article where content_hash = ?", hash));
            if (existing == null) {
                throw new IllegalStateException("article " + hash + " conflicted on insert but is not stored");
            }
            return new StoreOutcome(existing, false, 0, 0, 0);
        }
        long articleId = NativeSql.toLong(inserted);
        // Merging decides by what is already stored: a bare surname joins the one person known by it, an event joins
        // the same event reported earlier. Two uncommitted transactions cannot see each other's speakers and events,
        // so run concurrently they would each create their own. One transaction-scoped lock makes new articles merge
        // one after another, exactly as if sent in turn (and across instances, since the lock is PostgreSQL's).
        // The analysis, the expensive part, runs before and outside it; a duplicate text returns above without it.
        // What follows runs on the transaction's own connection with plain JDBC: Hibernate's native-query layer cost
        // more server CPU per statement (result mapping, type resolution, cache invalidation) than the statements
        // themselves, and nothing here needs an entity.
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext('quoteline:store-article'))")) {
                lock.execute();
            }
            LocalDate statedOn = published == null ? null : published.date();
            long[] speakerIds = storeSpeakers(c, articleId, statedOn, analysis.speakers());
            long[] eventIds = storeEvents(c, articleId, analysis.events(), speakerIds);
            storeStatements(c, articleId, analysis.statements(), speakerIds, eventIds);
            // delivered to every listening instance when (and only if) this transaction commits
            execute(c, "select pg_notify(?, ?)", dev.quoteline.live.IngestNotifications.CHANNEL, Long.toString(articleId));
            return new StoreOutcome(articleId, true, analysis.statements().size(), analysis.speakers().size(),
                    analysis.events().size());
        });
    }

    private static PreparedStatement prepare(Connection c, String text, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else if (p instanceof Long[] array) {
                ps.setArray(i + 1, c.createArrayOf("bigint", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    private static void execute(Connection c, String text, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, text, params)) {
            ps.execute();
        }
    }

    /** The rows of a query, each as its columns. */
    private static List<Object[]> rows(Connection c, String text, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, text, params); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            List<Object[]> out = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) row[i] = rs.getObject(i + 1);
                out.add(row);
            }
            return out;
        }
    }

    private long[] storeSpeakers(Connection c, long articleId, LocalDate statedOn, List<ExtractedSpeaker> speakers)
            throws SQLException {
        long[] ids = new long[speakers.size()];
        // One order for every transaction, so concurrent ingests naming the same speakers never deadlock.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < speakers.size(); i++) order.add(i);
        order.sort(Comparator.comparing(i -> speakerKey(speakers.get(i))));
        for (int i : order) {
            ExtractedSpeaker speaker = speakers.get(i);
            long id = resolveSpeaker(c, speaker);
            ids[i] = id;
            Set<String> forms = new LinkedHashSet<>();
            forms.add(speaker.name());
            forms.addAll(speaker.aliases());
            // the speaker's names and its roles in one statement (rows in the order of the separate inserts they
            // replace); before the next speaker is resolved, since a bare surname resolves by the names stored
            StringBuilder aliases = new StringBuilder();
            List<Object> params = new ArrayList<>();
            for (String alias : forms) {
                String key = NameKeys.of(alias);
                if (!key.isEmpty()) {
                    aliases.append(aliases.isEmpty() ? "" : ", ").append("(cast(? as bigint), cast(? as text), cast(? as text))");
                    params.addAll(List.of(id, alias.strip(), key));
                }
            }
            StringBuilder roles = new StringBuilder();
            for (ExtractedRole role : speaker.roles()) {
                String label = role.label();
                if (label != null && !label.isBlank()) {
                    roles.append(roles.isEmpty() ? "" : ", ")
                            .append("(cast(? as bigint), cast(? as bigint), cast(? as text), cast(? as text), cast(? as text), cast(? as date))");
                    params.addAll(java.util.Arrays.asList(id, articleId, role.title(), role.organization(), label, statedOn));
                }
            }
            // two forms with one key in the same insert: the second meets the first's row and does nothing, as a
            // second insert did
            String aliasInsert = "insert into speaker_alias (speaker_id, alias, alias_key) values " + aliases
                    + " on conflict (speaker_id, alias_key) do nothing";
            String roleInsert = "insert into speaker_role (speaker_id, article_id, title, organization, label, stated_on) values "
                    + roles + " on conflict (speaker_id, article_id, label) do nothing";
            if (!aliases.isEmpty() && !roles.isEmpty()) {
                execute(c, "with a as (" + aliasInsert + ") " + roleInsert, params.toArray());
            } else if (!aliases.isEmpty()) {
                execute(c, aliasInsert, params.toArray());
            } else if (!roles.isEmpty()) {
                execute(c, roleInsert, params.toArray());
            }
        }
        return ids;
    }

    /**
     * The speaker row for a speaker found in an article. Full names match by their key. A bare surname matches the one
     * known person who was called that before; with two or more candidates (or none) it stays its own speaker, since
     * merging two people who share a surname needs evidence the surname alone does not give.
     */
    private long resolveSpeaker(Connection c, ExtractedSpeaker speaker) throws SQLException {
        String key = speakerKey(speaker);
        String folded = NameKeys.of(speaker.name());
        if (speaker.kind() == SpeakerKind.PERSON && !folded.contains(" ")) {
            List<Object[]> candidates = rows(c, """
                    select distinct s.id from speaker s join speaker_alias a on a.speaker_id = s.id
                    where a.alias_key = ? and s.kind = 'PERSON' and s.name_key <> ? limit 2""", folded, key);
            if (candidates.size() == 1) {
                return NativeSql.toLong(candidates.get(0)[0]);
            }
        }
        // One round trip for the usual cases: a speaker merged away by curation (its name now belongs to the speaker
        // it was merged into), a known speaker, or a new one inserted here.
        Object[] found = rows(c, """
                with r as (select speaker_id from speaker_redirect where name_key = cast(? as text)),
                     s as (select id, kind from speaker where name_key = cast(? as text)),
                     i as (insert into speaker (name, name_key, kind)
                           select cast(? as text), cast(? as text), cast(? as text)
                           where not exists (select 1 from r) and not exists (select 1 from s)
                           on conflict (name_key) do nothing
                           returning id, kind)
                select (select speaker_id from r), coalesce((select id from s), (select id from i)),
                       coalesce((select kind from s), (select kind from i))""",
                key, key, speaker.name().strip(), key, speaker.kind().name()).get(0);
        if (found[0] != null) {
            return NativeSql.toLong(found[0]);
        }
        if (found[1] == null) {
            // inserted by a concurrent transaction after this statement's snapshot: the insert waited for it, and a new
            // statement sees its row
            found = rows(c, "select null, id, kind from speaker where name_key = ?", key).get(0);
        }
        long id = NativeSql.toLong(found[1]);
        if ("UNKNOWN".equals(found[2]) && speaker.kind() != SpeakerKind.UNKNOWN) {
            execute(c, "update speaker set kind = ? where id = ?", speaker.kind().name(), id);
        }
        return id;
    }

    /**
     * The key that makes two mentions one speaker row: for people, transliteration variants coincide ("Ostrovskiy",
     * "Ostrovsky", "Ostrovskyy" with the same given name); for organisations and groups, the folded name.
     */
    static String speakerKey(ExtractedSpeaker speaker) {
        if (speaker.kind() == SpeakerKind.PERSON) {
            String key = dev.quoteline.extract.NameVariants.personKey(speaker.name());
            if (key != null && !key.isBlank()) {
                return "person " + key;
            }
        }
        return NameKeys.of(speaker.name());
    }

    private long[] storeEvents(Connection c, long articleId, List<ExtractedEvent> events, long[] speakerIds)
            throws SQLException {
        long[] ids = new long[events.size()];
        for (int i = 0; i < events.size(); i++) {
            ExtractedEvent e = events.get(i);
            Set<Long> participants = new HashSet<>();
            for (int index : e.participantSpeakerIndexes()) {
                if (index >= 0 && index < speakerIds.length) participants.add(speakerIds[index]);
            }
            Long existing = findSameEvent(c, e, participants);
            // the event (when new), its link to this article and its participants in one statement
            String links = """
                    , ea as (insert into event_article (event_id, article_id, sentence, sentence_start, sentence_end)
                             select id, cast(? as bigint), cast(? as text), cast(? as int), cast(? as int) from e
                             on conflict do nothing),
                      ep as (insert into event_participant (event_id, speaker_id)
                             select e.id, p.speaker_id from e, unnest(cast(? as bigint[])) with ordinality p (speaker_id, n)
                             order by p.n
                             on conflict do nothing)
                    select id from e""";
            Object[] linkParams = {articleId, e.sentence().text(), e.sentence().start(), e.sentence().end(),
                    participants.toArray(Long[]::new)};
            List<Object[]> row;
            if (existing != null) {
                List<Object> params = new ArrayList<>(List.of(existing));
                params.addAll(Arrays.asList(linkParams));
                row = rows(c, "with e as (select cast(? as bigint) id)" + links, params.toArray());
            } else {
                TemporalValue when = e.when();
                List<Object> params = new ArrayList<>(Arrays.asList(e.title(), e.kind(), e.status().name(), when.start(),
                        when.end(), when.precision().name(), when.expression(), PrecisionRank.of(when.precision()),
                        e.places().toArray(String[]::new), e.participantNames().toArray(String[]::new),
                        e.sentence().text()));
                params.addAll(Arrays.asList(linkParams));
                row = rows(c, """
                        with e as (insert into event (title, kind, status, when_start, when_end, when_precision,
                                                      when_expression, precision_rank, places, participant_names, sentence)
                                   values (cast(? as text), cast(? as text), cast(? as text), cast(? as date),
                                           cast(? as date), cast(? as text), cast(? as text), cast(? as smallint),
                                           cast(? as text[]), cast(? as text[]), cast(? as text))
                                   returning id)""" + links, params.toArray());
            }
            ids[i] = NativeSql.toLong(row.get(0)[0]);
        }
        return ids;
    }

    /**
     * The same happening reported by another article: same kind, overlapping time, and a shared participant or most of
     * the title's words in common.
     */
    private Long findSameEvent(Connection c, ExtractedEvent e, Set<Long> participants) throws SQLException {
        TemporalValue when = e.when();
        LocalDate end = when.end() == null ? when.start() : when.end();
        List<Object[]> candidates = rows(c, """
                select ev.id, ev.title,
                       coalesce((select array_agg(p.speaker_id::text) from event_participant p where p.event_id = ev.id),
                                '{}')
                from event ev
                where ev.kind = ? and ev.when_start <= ? and coalesce(ev.when_end, ev.when_start) >= ?
                limit 50""", e.kind(), end, when.start());
        Set<String> words = titleWords(e.title());
        for (Object[] candidate : candidates) {
            Set<String> theirs = titleWords((String) candidate[1]);
            Set<String> common = new HashSet<>(words);
            common.retainAll(theirs);
            boolean sharedParticipant = Arrays.stream(NativeSql.toStringArray(candidate[2]))
                    .anyMatch(p -> participants.contains(Long.parseLong(p)));
            int smaller = Math.min(words.size(), theirs.size());
            if (sharedParticipant && !common.isEmpty() || smaller > 0 && common.size() * 2 >= smaller + 1) {
                return NativeSql.toLong(candidate[0]);
            }
        }
        return null;
    }

    private static Set<String> titleWords(String title) {
        Set<String> words = new HashSet<>();
        for (String w : dev.quoteline.extract.TextPatterns.NON_ALNUM.split(title.toLowerCase(Locale.ROOT))) {
            if (w.length() > 3) words.add(w);
        }
        return words;
    }

    /** Columns of one statement row, in the order {@link #storeStatements} binds them (typed: many are null). */
    private static final String STATEMENT_ROW = "(cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as text), "
            + "cast(? as text), cast(? as int), cast(? as int), cast(? as text), cast(? as int), cast(? as int), "
            + "cast(? as text), cast(? as int), cast(? as int), cast(? as int), cast(? as text), cast(? as int), "
            + "cast(? as int), cast(? as date), cast(? as date), cast(? as text), cast(? as text), cast(? as smallint))";
    /** Rows per insert: 22 parameters each, well below PostgreSQL's 65,535 per statement. */
    static final int STATEMENT_ROWS_PER_INSERT = 500;

    /**
     * All of an article's statements in one multi-row insert (one round trip instead of one per statement, while the
     * store lock is held).
     */
    private void storeStatements(Connection c, long articleId, List<ExtractedStatement> statements, long[] speakerIds,
                                 long[] eventIds) throws SQLException {
        for (int from = 0; from < statements.size(); from += STATEMENT_ROWS_PER_INSERT) {
            List<ExtractedStatement> chunk = statements.subList(from, Math.min(statements.size(), from + STATEMENT_ROWS_PER_INSERT));
            StringBuilder text = new StringBuilder("""
                    insert into statement (article_id, speaker_id, occasion_event_id, text, kind, start_offset, end_offset,
                        mention_text, mention_start, mention_end, cue_text, cue_start, cue_end, paragraph_index, sentence,
                        sentence_start, sentence_end, said_start, said_end, said_precision, said_expression, precision_rank)
                    values """);
            List<Object> params = new ArrayList<>(chunk.size() * 22);
            for (int i = 0; i < chunk.size(); i++) {
                if (i > 0) text.append(", ");
                text.append(STATEMENT_ROW);
                statementRow(articleId, chunk.get(i), speakerIds, eventIds, params);
            }
            execute(c, text.toString(), params.toArray());
        }
    }

    private static void statementRow(long articleId, ExtractedStatement s, long[] speakerIds, long[] eventIds,
                                     List<Object> params) {
        params.add(articleId);
        params.add(s.speakerIndex() >= 0 && s.speakerIndex() < speakerIds.length ? speakerIds[s.speakerIndex()] : null);
        params.add(s.occasionEventIndex() >= 0 && s.occasionEventIndex() < eventIds.length
                ? eventIds[s.occasionEventIndex()] : null);
        params.add(s.content().text());
        params.add(s.kind().name());
        params.add(s.content().start());
        params.add(s.content().end());
        boolean mention = s.speakerMention() != null;
        params.add(mention ? s.speakerMention().text() : null);
        params.add(mention ? s.speakerMention().start() : null);
        params.add(mention ? s.speakerMention().end() : null);
        boolean cue = s.cue() != null;
        params.add(cue ? s.cue().text() : null);
        params.add(cue ? s.cue().start() : null);
        params.add(cue ? s.cue().end() : null);
        params.add(s.paragraphIndex());
        params.add(s.sentence().text());
        params.add(s.sentence().start());
        params.add(s.sentence().end());
        TemporalValue said = s.saidOn();
        params.add(said == null ? null : said.start());
        params.add(said == null ? null : said.end());
        params.add(said == null ? null : said.precision().name());
        params.add(said == null ? null : said.expression());
        params.add(PrecisionRank.of(said == null ? null : said.precision()));
    }
}
