package dev.quoteline.curate;

import dev.quoteline.db.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Editorial corrections, each in one transaction: removing an article with everything only it supported, moving a
 * statement to another speaker, and merging two speaker rows that turned out to be one person. Each runs under the
 * store lock, one at a time with the stores of new articles.
 */
@ApplicationScoped
public class CurationStore {
    @Inject
    NativeSql sql;

    /** What deleting an article removed. */
    public record Deletion(long statements, long events, long speakers) {
    }

    /** Why a correction could not be made: the message names the argument; nothing was changed. */
    public static final class Refused extends RuntimeException {
        public final boolean notFound;

        Refused(String message, boolean notFound) {
            super(message);
            this.notFound = notFound;
        }
    }

    /**
     * Corrections take the lock stores of new articles take (ArticleStore), so a store never resolves a speaker or event
     * that a merge or deletion is removing under it.
     */
    private void serialiseWithStores() {
        sql.value("select pg_advisory_xact_lock(hashtext('quoteline:store-article'))");
    }

    @Transactional
    public Deletion deleteArticle(long articleId) {
        serialiseWithStores();
        if (sql.rows("select id from article where id = ? for update", articleId).isEmpty()) {
            throw new Refused("no article has this id", true);
        }
        // speakers this article may have been the only support for: checked again once the article is gone
        List<Long> candidates = sql.rows("""
                select speaker_id from statement where article_id = ? and speaker_id is not null
                union select speaker_id from speaker_role where article_id = ?
                union select p.speaker_id from event_participant p join event_article ea on ea.event_id = p.event_id
                      where ea.article_id = ?""", articleId, articleId, articleId)
                .stream().map(r -> NativeSql.toLong(r[0])).sorted().toList();
        long statements = NativeSql.count(sql.value("select count(*) from statement where article_id = ?", articleId));
        int events = sql.update("""
                delete from event e where e.id in (select ea.event_id from event_article ea where ea.article_id = ?)
                  and not exists (select 1 from event_article o where o.event_id = e.id and o.article_id <> ?)""",
                articleId, articleId);
        // statements, roles and event reports go with the article (foreign keys cascade)
        sql.update("delete from article where id = ?", articleId);
        int speakers = 0;
        if (!candidates.isEmpty()) {
            speakers = sql.update("delete from speaker s where s.id in " + dev.quoteline.api.EntryQuery.idList(candidates)
                    + " and not exists (select 1 from statement t where t.speaker_id = s.id)"
                    + " and not exists (select 1 from speaker_role r where r.speaker_id = s.id)"
                    + " and not exists (select 1 from event_participant p where p.speaker_id = s.id)");
        }
        return new Deletion(statements, events, speakers);
    }

    /** Moves a statement to another speaker; returns the speaker it had before (null when it had none). */
    @Transactional
    public Long reattributeStatement(long statementId, long speakerId) {
        serialiseWithStores();
        List<Object[]> statement = sql.rows("select speaker_id from statement where id = ? for update", statementId);
        if (statement.isEmpty()) {
            throw new Refused("statementId: no statement has this id", true);
        }
        if (sql.rows("select id from speaker where id = ? for key share", speakerId).isEmpty()) {
            throw new Refused("speakerId: no speaker has this id", true);
        }
        Long previous = NativeSql.toLong(statement.get(0)[0]);
        sql.update("update statement set speaker_id = ? where id = ?", speakerId, statementId);
        return previous;
    }

    /**
     * Folds {@code mergeId} into {@code keepId}: its statements, aliases (its name among them), roles and event
     * participations move, and its name key is redirected so that later articles naming it land on the kept speaker.
     * Returns how many statements moved.
     */
    @Transactional
    public long mergeSpeakers(long keepId, long mergeId) {
        if (keepId == mergeId) {
            throw new Refused("keepId and mergeId name the same speaker: there is nothing to merge", false);
        }
        serialiseWithStores();
        List<Object[]> rows = sql.rows("select id, name, name_key, kind from speaker where id in (?, ?) order by id for update",
                keepId, mergeId);
        Object[] keep = null;
        Object[] merge = null;
        for (Object[] row : rows) {
            long id = NativeSql.toLong(row[0]);
            if (id == keepId) keep = row;
            if (id == mergeId) merge = row;
        }
        if (keep == null) {
            throw new Refused("keepId: no speaker has this id", true);
        }
        if (merge == null) {
            throw new Refused("mergeId: no speaker has this id", true);
        }
        long moved = sql.update("update statement set speaker_id = ? where speaker_id = ?", keepId, mergeId);
        sql.update("""
                insert into speaker_alias (speaker_id, alias, alias_key)
                select ?, alias, alias_key from speaker_alias where speaker_id = ?
                on conflict (speaker_id, alias_key) do nothing""", keepId, mergeId);
        sql.update("""
                insert into speaker_role (speaker_id, article_id, title, organization, label, stated_on)
                select ?, article_id, title, organization, label, stated_on from speaker_role where speaker_id = ?
                on conflict (speaker_id, article_id, label) do nothing""", keepId, mergeId);
        sql.update("""
                insert into event_participant (event_id, speaker_id)
                select event_id, ? from event_participant where speaker_id = ?
                on conflict do nothing""", keepId, mergeId);
        if ("UNKNOWN".equals(keep[3]) && !"UNKNOWN".equals(merge[3])) {
            sql.update("update speaker set kind = ? where id = ?", merge[3], keepId);
        }
        // earlier merges into the merged speaker now point at the kept one
        sql.update("update speaker_redirect set speaker_id = ? where speaker_id = ?", keepId, mergeId);
        sql.update("delete from speaker where id = ?", mergeId);
        sql.update("""
                insert into speaker_redirect (name_key, speaker_id) values (?, ?)
                on conflict (name_key) do update set speaker_id = excluded.speaker_id""", merge[2], keepId);
        return moved;
    }
}
