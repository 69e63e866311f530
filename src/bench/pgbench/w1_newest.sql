-- W1 newest timeline page (timeline(last: 50)): the 50 latest dated entries, newest first, with speaker name and
-- roles, article title and publisher (statements) or title and kind (events).
select t.k, t.id, coalesce(sp.name, e.title) as label, a.title as article_title, a.publisher, st.text,
       array(select r.label from speaker_role r where r.speaker_id = sp.id order by r.stated_on desc nulls last, r.id) as roles
from ((select 'S' as k, s.id, s.sort_day, s.precision_rank from statement s
       where s.sort_day < 'infinity' order by s.sort_day desc, s.precision_rank desc, s.id desc limit 50)
      union all
      (select 'E', e.id, e.sort_day, e.precision_rank from event e
       order by e.sort_day desc, e.precision_rank desc, e.id desc limit 50)) t
left join statement st on t.k = 'S' and st.id = t.id
left join speaker sp on sp.id = st.speaker_id
left join article a on a.id = st.article_id
left join event e on t.k = 'E' and e.id = t.id
order by t.sort_day desc, t.precision_rank desc, t.k desc, t.id desc
limit 50;
