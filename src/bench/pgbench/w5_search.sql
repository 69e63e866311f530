-- W5 a full-text search page (statements(first: 50, filter: {search})): matching dated statements in time order.
select 'S' as k, s.id, sp.name as label, a.title as article_title, a.publisher, s.text
from statement s
left join speaker sp on sp.id = s.speaker_id
join article a on a.id = s.article_id
where s.search_vector @@ websearch_to_tsquery('english', :search) and s.sort_day < 'infinity'
order by s.sort_day, s.precision_rank, s.id
limit 50;
