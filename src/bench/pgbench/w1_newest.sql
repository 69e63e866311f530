-- W1 newest timeline page (timeline(last: 50)): the 50 latest dated entries, newest first, with speaker name and
-- roles, article title and publisher (statements) or title and kind (events).
-- Like every timeline reference (W1-W4), it returns each value the page shows: the cursor's keys (day, rank), a
-- statement's text, kind, date and precision, speaker id, name and role labels, article title and publisher, an
-- event's title, kind, date and precision; and a 51st entry, which answers pageInfo's hasNextPage (hasPreviousPage for
-- W1's last: 50) as Quoteline and PostGraphile read it.
select t.k, t.id, t.sort_day, t.precision_rank, coalesce(sp.name, e.title) as label, a.title as article_title,
       a.publisher, st.text, st.kind as statement_kind, st.said_start, st.said_end, st.said_precision, sp.id as speaker_id,
       array(select r.label from speaker_role r where r.speaker_id = sp.id order by r.stated_on desc nulls last, r.id) as roles,
       e.kind as event_kind, e.when_start, e.when_end, e.when_precision
from ((select 'S' as k, s.id, s.sort_day, s.precision_rank from statement s
       where s.sort_day < 'infinity' order by s.sort_day desc, s.precision_rank desc, s.id desc limit 51)
      union all
      (select 'E', e.id, e.sort_day, e.precision_rank from event e
       order by e.sort_day desc, e.precision_rank desc, e.id desc limit 51)) t
left join statement st on t.k = 'S' and st.id = t.id
left join speaker sp on sp.id = st.speaker_id
left join article a on a.id = st.article_id
left join event e on t.k = 'E' and e.id = t.id
order by t.sort_day desc, t.precision_rank desc, t.k desc, t.id desc
limit 51;
