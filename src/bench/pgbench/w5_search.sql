-- W5 a full-text search page (statements(first: 50, filter: {search})): matching dated statements, best match first
-- (ts_rank, then id: Quoteline's default order when a search is given).
select 'S' as k, s.id, sp.name as label, a.title as article_title, a.publisher, s.text
from statement s
left join speaker sp on sp.id = s.speaker_id
join article a on a.id = s.article_id
where s.search_vector @@ websearch_to_tsquery('english', :search) and s.sort_day < 'infinity'
order by ts_rank(s.search_vector, websearch_to_tsquery('english', :search)) desc, s.id
limit 50;
