-- W6 a speaker page: name, statement count and the 10 speakers most often quoted in the same articles.
select 'C' as k, c.speaker_id as id, o.name as label, c.shared::text as article_title, sp.name as publisher,
       (select count(*) from statement where speaker_id = sp.id)::text as text
from speaker sp
cross join lateral (
  select b.speaker_id, count(distinct b.article_id) as shared
  from statement a join statement b on b.article_id = a.article_id
  where a.speaker_id = sp.id and b.speaker_id is not null and b.speaker_id <> sp.id
  group by b.speaker_id order by count(distinct b.article_id) desc, b.speaker_id limit 10) c
join speaker o on o.id = c.speaker_id
where sp.id = :speaker
order by c.shared desc, c.speaker_id;
