-- W2 a speaker's timeline page (timeline(first: 50, filter: {speakerIds: [...]})): their dated statements and the
-- events they took part in or spoke at (speaker_event, in the events' time order), oldest first.
select t.k, t.id, coalesce(sp.name, e.title) as label, a.title as article_title, a.publisher, st.text,
       array(select r.label from speaker_role r where r.speaker_id = sp.id order by r.stated_on desc nulls last, r.id) as roles
from ((select 'S' as k, s.id, s.sort_day, s.precision_rank from statement s
       where s.speaker_id = :speaker and s.sort_day < 'infinity' order by s.sort_day, s.precision_rank, s.id limit 50)
      union all
      (select 'E', se.event_id, se.sort_day, se.precision_rank from speaker_event se
       where se.speaker_id = :speaker order by se.sort_day, se.precision_rank, se.event_id limit 50)) t
left join statement st on t.k = 'S' and st.id = t.id
left join speaker sp on sp.id = st.speaker_id
left join article a on a.id = st.article_id
left join event e on t.k = 'E' and e.id = t.id
order by t.sort_day, t.precision_rank, t.k, t.id
limit 50;
