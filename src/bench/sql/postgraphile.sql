-- What PostGraphile needs to serve Quoteline's timeline from the same tables: views and functions in a schema of
-- their own (bench_pg), with smart tags for keys and relations. Quoteline's tables and indexes are not touched.
\set ON_ERROR_STOP on
drop schema if exists bench_pg cascade;
create schema bench_pg;

-- Statements (dated, as Quoteline lists them by default) and events merged, with Quoteline's sort key
-- (sort_day, precision_rank, kind E before S, id) and end_day for its overlap date filter.
create view bench_pg.timeline_entry as
  select 'S'::text as kind, s.id, s.sort_day, s.precision_rank, coalesce(s.said_end, s.said_start) as end_day,
         s.id as statement_id, null::bigint as event_id
  from public.statement s where s.sort_day < 'infinity'
  union all
  select 'E'::text, e.id, e.sort_day, e.precision_rank, coalesce(e.when_end, e.when_start), null::bigint, e.id
  from public.event e;
comment on view bench_pg.timeline_entry is E'@primaryKey kind,id\n@foreignKey (statement_id) references public.statement (id)\n@foreignKey (event_id) references public.event (id)';

-- A speaker's timeline: their statements and the events they took part in or spoke at (speaker_event: the same
-- time-order index Quoteline reads).
create view bench_pg.speaker_timeline_entry as
  select 'S'::text as kind, s.id, s.speaker_id, s.sort_day, s.precision_rank, s.id as statement_id, null::bigint as event_id
  from public.statement s where s.sort_day < 'infinity' and s.speaker_id is not null
  union all
  select 'E'::text, se.event_id, se.speaker_id, se.sort_day, se.precision_rank, null::bigint, se.event_id
  from public.speaker_event se;
comment on view bench_pg.speaker_timeline_entry is E'@primaryKey speaker_id,kind,id\n@foreignKey (statement_id) references public.statement (id)\n@foreignKey (event_id) references public.event (id)\n@foreignKey (speaker_id) references public.speaker (id)';

-- Full-text search over statements, best match first (ts_rank, then id), as Quoteline orders a search.
create function bench_pg.search_statements(q text) returns setof public.statement language sql stable as $$
  select * from public.statement
  where search_vector @@ websearch_to_tsquery('english', q) and sort_day < 'infinity'
  order by ts_rank(search_vector, websearch_to_tsquery('english', q)) desc, id
$$;

-- Speaker.coSpeakers: speakers quoted in the same articles, most shared articles first.
create type bench_pg.co_speaker as (speaker_id bigint, shared_article_count int);
comment on type bench_pg.co_speaker is E'@foreignKey (speaker_id) references public.speaker (id)';
create function bench_pg.speaker_co_speakers(sp public.speaker) returns setof bench_pg.co_speaker language sql stable as $$
  select b.speaker_id, count(distinct b.article_id)::int
  from public.statement a join public.statement b on b.article_id = a.article_id
  where a.speaker_id = sp.id and b.speaker_id is not null and b.speaker_id <> sp.id
  group by b.speaker_id
  order by count(distinct b.article_id) desc, b.speaker_id
$$;
