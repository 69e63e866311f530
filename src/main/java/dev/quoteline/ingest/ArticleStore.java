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
        // returns the columns the API reads back for the stored article, so the answer to an ingest needs no select
        List<Object[]> inserted = sql.rows("""
                insert into article as a (title, publisher, section, url, published_on, published_at, published_offset,
                                          published_zone, published_precision, body, content_hash)
                values (cast(? as text), cast(? as text), cast(? as text), cast(? as text), cast(? as date),
                        cast(? as timestamptz), cast(? as text), cast(? as text), cast(? as text), ?, ?)
                on conflict (content_hash) do nothing
                returning
                """ + dev.quoteline.api.ReadRepository.ARTICLE_COLUMNS,
                analysis.title(), analysis.publisher(), analysis.section(), raw.url(),
                published == null ? null : published.date(),
                published == null || published.instant() == null ? null : published.instant(),
                published == null || published.instant() == null ? null : published.instant().getOffset().getId(),
                published == null ? null : published.zoneLabel(),
                published == null ? null : (published.instant() == null ? "DAY" : "TIME"),
                raw.body(), hash);
        if (inserted.isEmpty()) {
            // The insert waited for any concurrent writer of the same text to finish, and this statement's new
            // snapshot sees that writer's committed row.
            Long existing = NativeSql.toLong(sql.value("select id from article where content_hash = ?", hash));
            if (existing == null) {
                throw new IllegalStateException("article " + hash + " conflicted on insert but is not stored");
            }
            return new StoreOutcome(existing, false, 0, 0, 0, null);
        }
        Object[] articleRow = inserted.get(0);
        long articleId = NativeSql.toLong(articleRow[0]);
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
                    analysis.events().size(), articleRow);
        });
    }

    private static PreparedStatement prepare(Connection c, String text, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            // the typed setter setObject would pick for the value (setObject itself is one very large method, which
            // the JIT kept compiling while articles were being ingested)
            if (p == null) {
                ps.setNull(i + 1, java.sql.Types.OTHER);
            } else if (p instanceof String s) {
                ps.setString(i + 1, s);
            } else if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof Short n) {
                ps.setShort(i + 1, n);
            } else if (p instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else if (p instanceof Long[] array) {
                ps.setArray(i + 1, c.createArrayOf("bigint", array));
            } else if (p instanceof Integer[] array) {
                ps.setArray(i + 1, c.createArrayOf("int4", array));
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
            // rows as arrays, so the statement text is the same for every speaker (prepared once on the server)
            List<String> aliases = new ArrayList<>(), aliasKeys = new ArrayList<>();
            for (String alias : forms) {
                String key = NameKeys.of(alias);
                if (!key.isEmpty()) {
                    aliases.add(alias.strip());
                    aliasKeys.add(key);
                }
            }
            List<String> titles = new ArrayList<>(), organizations = new ArrayList<>(), labels = new ArrayList<>();
            for (ExtractedRole role : speaker.roles()) {
                String label = role.label();
                if (label != null && !label.isBlank()) {
                    titles.add(role.title());
                    organizations.add(role.organization());
                    labels.add(label);
                }
            }
            Object[] aliasParams = {id, aliases.toArray(String[]::new), aliasKeys.toArray(String[]::new)};
            Object[] roleParams = {id, articleId, isoDate(statedOn), titles.toArray(String[]::new),
                    organizations.toArray(String[]::new), labels.toArray(String[]::new)};
            if (!aliases.isEmpty() && !labels.isEmpty()) {
                Object[] both = Arrays.copyOf(aliasParams, aliasParams.length + roleParams.length);
                System.arraycopy(roleParams, 0, both, aliasParams.length, roleParams.length);
                execute(c, ALIAS_AND_ROLE_INSERT, both);
            } else if (!aliases.isEmpty()) {
                execute(c, ALIAS_INSERT, aliasParams);
            } else if (!labels.isEmpty()) {
                execute(c, ROLE_INSERT, roleParams);
            }
        }
        return ids;
    }

    // two forms with one key in the same insert: the second meets the first's row and does nothing, as a second
    // insert did
    private static final String ALIAS_INSERT = """
            insert into speaker_alias (speaker_id, alias, alias_key)
            select cast(? as bigint), a.alias, a.alias_key
            from unnest(cast(? as text[]), cast(? as text[])) with ordinality a (alias, alias_key, n)
            order by a.n
            on conflict (speaker_id, alias_key) do nothing""";
    private static final String ROLE_INSERT = """
            insert into speaker_role (speaker_id, article_id, title, organization, label, stated_on)
            select cast(? as bigint), cast(? as bigint), r.title, r.organization, r.label, cast(? as date)
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[])) with ordinality r (title, organization, label, n)
            order by r.n
            on conflict (speaker_id, article_id, label) do nothing""";

    private static final String ALIAS_AND_ROLE_INSERT = "with a as (" + ALIAS_INSERT + ") " + ROLE_INSERT;

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
                List<Object> params = new ArrayList<>(Arrays.asList(e.title(), e.kind(), e.status().name(), isoDate(when.start()),
                        isoDate(when.end()), when.precision().name(), when.expression(), PrecisionRank.of(when.precision()),
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
                where ev.kind = ? and ev.when_start <= cast(? as date) and coalesce(ev.when_end, ev.when_start) >= cast(? as date)
                limit 50""", e.kind(), isoDate(end), isoDate(when.start()));
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

    /**
     * All of an article's statements in one insert of fixed text: one array per column, rows in the statements' order.
     * The same statement text for every article lets the driver keep it prepared on the server (a multi-row VALUES
     * list was new text for every row count, parsed and planned each time).
     */
    static final String STATEMENT_INSERT = """
            insert into statement (article_id, speaker_id, occasion_event_id, text, kind, start_offset, end_offset,
                mention_text, mention_start, mention_end, cue_text, cue_start, cue_end, paragraph_index, sentence,
                sentence_start, sentence_end, said_start, said_end, said_precision, said_expression, precision_rank)
            select cast(? as bigint), r.speaker_id, r.occasion_event_id, r.text, r.kind, r.start_offset, r.end_offset,
                r.mention_text, r.mention_start, r.mention_end, r.cue_text, r.cue_start, r.cue_end, r.paragraph_index,
                r.sentence, r.sentence_start, r.sentence_end, r.said_start, r.said_end, r.said_precision,
                r.said_expression, r.precision_rank
            from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as int[]),
                        cast(? as int[]), cast(? as text[]), cast(? as int[]), cast(? as int[]), cast(? as text[]),
                        cast(? as int[]), cast(? as int[]), cast(? as int[]), cast(? as text[]), cast(? as int[]),
                        cast(? as int[]), cast(? as date[]), cast(? as date[]), cast(? as text[]), cast(? as text[]),
                        cast(? as smallint[]))
                 with ordinality r (speaker_id, occasion_event_id, text, kind, start_offset, end_offset, mention_text,
                                    mention_start, mention_end, cue_text, cue_start, cue_end, paragraph_index, sentence,
                                    sentence_start, sentence_end, said_start, said_end, said_precision, said_expression,
                                    precision_rank, n)
            order by r.n""";

    private void storeStatements(Connection c, long articleId, List<ExtractedStatement> statements, long[] speakerIds,
                                 long[] eventIds) throws SQLException {
        if (statements.isEmpty()) return;
        int n = statements.size();
        Long[] speaker = new Long[n], occasion = new Long[n];
        String[] text = new String[n], kind = new String[n], mentionText = new String[n], cueText = new String[n],
                sentence = new String[n], saidStart = new String[n], saidEnd = new String[n], saidPrecision = new String[n],
                saidExpression = new String[n];
        Integer[] start = new Integer[n], end = new Integer[n], mentionStart = new Integer[n], mentionEnd = new Integer[n],
                cueStart = new Integer[n], cueEnd = new Integer[n], paragraph = new Integer[n], sentenceStart = new Integer[n],
                sentenceEnd = new Integer[n], rank = new Integer[n];
        for (int i = 0; i < n; i++) {
            ExtractedStatement s = statements.get(i);
            speaker[i] = s.speakerIndex() >= 0 && s.speakerIndex() < speakerIds.length ? speakerIds[s.speakerIndex()] : null;
            occasion[i] = s.occasionEventIndex() >= 0 && s.occasionEventIndex() < eventIds.length
                    ? eventIds[s.occasionEventIndex()] : null;
            text[i] = s.content().text();
            kind[i] = s.kind().name();
            start[i] = s.content().start();
            end[i] = s.content().end();
            if (s.speakerMention() != null) {
                mentionText[i] = s.speakerMention().text();
                mentionStart[i] = s.speakerMention().start();
                mentionEnd[i] = s.speakerMention().end();
            }
            if (s.cue() != null) {
                cueText[i] = s.cue().text();
                cueStart[i] = s.cue().start();
                cueEnd[i] = s.cue().end();
            }
            paragraph[i] = s.paragraphIndex();
            sentence[i] = s.sentence().text();
            sentenceStart[i] = s.sentence().start();
            sentenceEnd[i] = s.sentence().end();
            TemporalValue said = s.saidOn();
            if (said != null) {
                saidStart[i] = isoDate(said.start());
                saidEnd[i] = isoDate(said.end());
                saidPrecision[i] = said.precision().name();
                saidExpression[i] = said.expression();
            }
            rank[i] = (int) PrecisionRank.of(said == null ? null : said.precision());
        }
        execute(c, STATEMENT_INSERT, articleId, speaker, occasion, text, kind, start, end, mentionText, mentionStart,
                mentionEnd, cueText, cueStart, cueEnd, paragraph, sentence, sentenceStart, sentenceEnd, saidStart, saidEnd,
                saidPrecision, saidExpression, rank);
    }

    /** A date as text PostgreSQL reads as that date (as pgjdbc writes a {@code LocalDate}: "BC" for years before 1). */
    static String isoDate(LocalDate d) {
        if (d == null) return null;
        int year = d.getYear();
        if (year >= 1 && year <= 9999) return d.toString();
        return String.format(Locale.ROOT, "%04d-%02d-%02d%s", year >= 1 ? year : 1 - year, d.getMonthValue(),
                d.getDayOfMonth(), year >= 1 ? "" : " BC");
    }
}
