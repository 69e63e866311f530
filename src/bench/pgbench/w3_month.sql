-- W3 a date-filtered timeline page (timeline(first: 50, filter: {from, to}) over one month): entries whose time
-- overlaps the month, oldest first. Statements span at most a month here and events at most a year, which bounds
-- sort_day from below (the lower bound is what makes this an index range scan).
-- Like every timeline reference (W1-W4), it returns each value the page shows: the cursor's keys (day, rank), a
-- statement's text, kind, date and precision, speaker id, name and role labels, article title and publisher, an
-- event's title, kind, date and precision; and a 51st entry, which answers pageInfo's hasNextPage (hasPreviousPage for
-- W1's last: 50) as Quoteline and PostGraphile read it.
select t.k, t.id, t.sort_day, t.precision_rank, coalesce(sp.name, e.title) as label, a.title as article_title,
       a.publisher, st.text, st.kind as statement_kind, st.said_start, st.said_end, st.said_precision, sp.id as speaker_id,
       array(select r.label from speaker_role r where r.speaker_id = sp.id order by r.stated_on desc nulls last, r.id) as roles,
       e.kind as event_kind, e.when_start, e.when_end, e.when_precision
from ((select 'S' as k, s.id, s.sort_day, s.precision_rank from statement s
       where s.sort_day between cast(:from_day as date) - 31 and cast(:to_day as date)
         and coalesce(s.said_end, s.said_start) >= cast(:from_day as date)
       order by s.sort_day, s.precision_rank, s.id limit 51)
      union all
      (select 'E', e.id, e.sort_day, e.precision_rank from event e
       where e.sort_day between cast(:from_day as date) - 366 and cast(:to_day as date)
         and coalesce(e.when_end, e.when_start) >= cast(:from_day as date)
       order by e.sort_day, e.precision_rank, e.id limit 51)) t
left join statement st on t.k = 'S' and st.id = t.id
left join speaker sp on sp.id = st.speaker_id
left join article a on a.id = st.article_id
left join event e on t.k = 'E' and e.id = t.id
order by t.sort_day, t.precision_rank, t.k, t.id
limit 51;
