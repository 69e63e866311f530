-- W3 a date-filtered timeline page (timeline(first: 50, filter: {from, to}) over one month): entries whose time
-- overlaps the month, oldest first. Statements span at most a month here and events at most a year, which bounds
-- sort_day from below (the lower bound is what makes this an index range scan).
select t.k, t.id, coalesce(sp.name, e.title) as label, a.title as article_title, a.publisher, st.text,
       array(select r.label from speaker_role r where r.speaker_id = sp.id order by r.stated_on desc nulls last, r.id) as roles
from ((select 'S' as k, s.id, s.sort_day, s.precision_rank from statement s
       where s.sort_day between cast(:from_day as date) - 31 and cast(:to_day as date)
         and coalesce(s.said_end, s.said_start) >= cast(:from_day as date)
       order by s.sort_day, s.precision_rank, s.id limit 50)
      union all
      (select 'E', e.id, e.sort_day, e.precision_rank from event e
       where e.sort_day between cast(:from_day as date) - 366 and cast(:to_day as date)
         and coalesce(e.when_end, e.when_start) >= cast(:from_day as date)
       order by e.sort_day, e.precision_rank, e.id limit 50)) t
left join statement st on t.k = 'S' and st.id = t.id
left join speaker sp on sp.id = st.speaker_id
left join article a on a.id = st.article_id
left join event e on t.k = 'E' and e.id = t.id
order by t.sort_day, t.precision_rank, t.k, t.id
limit 50;
