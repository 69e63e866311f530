-- W4 page 20 of a speaker's timeline: W2 continued after the keyset of the 950th entry (day, rank, kind, id);
-- s_id/e_id are the id bounds for each kind (E sorts before S on the same day and rank). The bounds are read by a
-- subquery so that PostgreSQL reuses the prepared statement's generic plan: with plain parameters it planned every
-- execution again (1,212 and 1,143 against 1,992 and 2,488 transactions/s, pgbench, 2 clients; same rows).
-- Like every timeline reference (W1-W4), it returns each value the page shows: the cursor's keys (day, rank), a
-- statement's text, kind, date and precision, speaker id, name and role labels, article title and publisher, an
-- event's title, kind, date and precision; and a 51st entry, which answers pageInfo's hasNextPage (hasPreviousPage for
-- W1's last: 50) as Quoteline and PostGraphile read it.
select t.k, t.id, t.sort_day, t.precision_rank, coalesce(sp.name, e.title) as label, a.title as article_title,
       a.publisher, st.text, st.kind as statement_kind, st.said_start, st.said_end, st.said_precision, sp.id as speaker_id,
       array(select r.label from speaker_role r where r.speaker_id = sp.id order by r.stated_on desc nulls last, r.id) as roles,
       e.kind as event_kind, e.when_start, e.when_end, e.when_precision
from ((select 'S' as k, s.id, s.sort_day, s.precision_rank from statement s
       where s.speaker_id = :speaker and s.sort_day < 'infinity'
         and (s.sort_day, s.precision_rank, s.id) > (select cast(:c_day as date), cast(:c_rank as int), cast(:s_id as bigint))
       order by s.sort_day, s.precision_rank, s.id limit 51)
      union all
      (select 'E', se.event_id, se.sort_day, se.precision_rank from speaker_event se
       where se.speaker_id = :speaker
         and (se.sort_day, se.precision_rank, se.event_id) > (select cast(:c_day as date), cast(:c_rank as int), cast(:e_id as bigint))
       order by se.sort_day, se.precision_rank, se.event_id limit 51)) t
left join statement st on t.k = 'S' and st.id = t.id
left join speaker sp on sp.id = st.speaker_id
left join article a on a.id = st.article_id
left join event e on t.k = 'E' and e.id = t.id
order by t.sort_day, t.precision_rank, t.k, t.id
limit 51;
