-- Quoteline bench data generator: fills Quoteline's own schema (created by Flyway) with bulk SQL.
--   psql -v seed=42 -v scale=1.0 -f generate.sql
-- scale 1.0 = 2,000 speakers, 100,000 articles over ten years from 12 publishers, 1,000,000 statements
-- (speakers Zipf-skewed: P(rank k) ~ 1/k), 50,000 events with event_article and event_participant links.
-- Deterministic: every random draw is hashint8extended(row, seed*64+stream), independent of plan and order.
-- Secondary indexes are dropped during the load and recreated from their own definitions (pg_get_indexdef),
-- so the schema ends up exactly as Flyway made it.
\set ON_ERROR_STOP on
\if :{?seed} \else \set seed 42 \endif
\if :{?scale} \else \set scale 1.0 \endif
\timing on
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
set work_mem = '256MB';
set max_parallel_workers_per_gather = 0;

-- needs the schema exactly as Flyway made it (its secondary indexes are dropped and recreated below)
select count(*) = 0 as missing_index from pg_indexes where schemaname = 'public' and indexname = 'statement_timeline_idx' \gset
\if :missing_index
do $$ begin raise exception 'statement_timeline_idx is missing: run this on a fresh database migrated by Quoteline (run.sh does)'; end $$;
\endif
truncate statement, event_participant, event_article, event, speaker_role, speaker_alias, speaker, article
  restart identity cascade;
-- speaker_event's row triggers are off during the load; it is rebuilt from its definition at the end
-- (speaker_event_rebuild, V4__speaker_event.sql), one statement instead of 157,000 trigger calls
alter table event_participant disable trigger user;
alter table statement disable trigger user;
alter table event disable trigger user;

drop schema if exists bench cascade;
create schema bench;
create table bench.params as select
  greatest(20, round(2000 * :scale))::int as n_speakers,
  greatest(100, round(100000 * :scale))::int as n_articles,
  greatest(1000, round(1000000 * :scale))::int as n_statements,
  greatest(50, round(50000 * :scale))::int as n_events;
select n_speakers, n_articles, n_statements, n_events from bench.params \gset

-- r(row, stream): uniform [0,1)
select format($q$create function bench.r(g bigint, k int) returns float8 language sql immutable parallel safe as
  'select ((hashint8extended(g, %s::bigint * 64 + k) & 9007199254740991)::float8 / 9007199254740992.0)'$q$, :seed) \gexec
-- i(row, stream, n): uniform integer 1..n
create function bench.i(g bigint, k int, n int) returns int language sql immutable parallel safe as
  'select 1 + floor(bench.r(g, k) * n)::int';
-- zipf(row, stream, n): 1..n with P(k) ~ 1/k (log-uniform)
create function bench.zipf(g bigint, k int, n int) returns int language sql immutable parallel safe as
  'select least(n, floor(exp(bench.r(g, k) * ln(n + 1)))::int)';

-- ---------------------------------------------------------------- vocabulary
create table bench.word (id int primary key, w text not null);
insert into bench.word
select row_number() over (), w from unnest(string_to_array(
 'the of and to in a is that for it as was with be by on not he i this are or his from at which but have an they '
 'you were her she there been one all we their has would when if so no will more about up out who them than '
 'government minister president country people said year new police talks officials state party election '
 'security military forces ukraine russia china economy market prices inflation interest rates bank central '
 'climate energy gas oil emissions agreement deal sanctions ceasefire negotiations troops border war peace '
 'health hospital vaccine pandemic schools students workers union strike wages jobs growth budget deficit tax '
 'court judge ruling law bill parliament senate congress vote voters campaign opposition coalition leader '
 'allies nato europe european union trade tariffs exports imports companies investors shares technology '
 'migration refugees asylum housing crisis water drought floods wildfire storm infrastructure transport '
 'railway airport ports shipping supply chain reform pension investigation corruption report inquiry '
 'decision plan strategy support response pressure responsibility future historic serious difficult important '
 'clear strong continue expect believe hope must should could need make ensure protect build deliver '
 'announced warned promised rejected confirmed denied insisted acknowledged stressed welcomed criticised '
 'today week month next last several many some most every weeks months years days region capital city '
 'local national international global public private foreign domestic financial political social economic '
 'attack missile drone strikes civilians humanitarian aid food fuel electricity grid nuclear plant reactor '
 'summit meeting visit delegation ambassador embassy diplomats treaty alliance membership talks resumed', ' ')) w;
select count(*) as n_words from bench.word \gset

-- 6,000 phrases of 8..15 words; words drawn Zipf-like so search terms have realistic selectivity
create table bench.phrase (id int primary key, p text not null);
insert into bench.phrase
select ph, string_agg(w.w, ' ' order by pos)
from generate_series(1, 6000) ph
cross join lateral generate_series(1, 8 + (bench.i(ph, 1, 8) - 1)) pos
join bench.word w on w.id = bench.zipf(ph * 100 + pos, 2, :n_words)
group by ph;

create table bench.first_name (id int primary key, v text);
insert into bench.first_name select row_number() over (), v from unnest(string_to_array(
 'Anna Boris Carla David Elena Farid Greta Hassan Ingrid Jonas Keiko Luis Maria Nikolai Olga Pedro Quentin Rosa '
 'Samir Tanja Ursula Viktor Wendy Xavier Yara Zoltan Amir Beatriz Chen Dmitri Emma Fatima Georg Helen Ivan Julia '
 'Kemal Lena Mehmet Nadia Omar Paula Rahul Sofia Thomas Uma Vera William Yusuf Zainab Adrian Bianca Carlos Diana '
 'Erik Freya Gabriel Hana Igor Jasmin', ' ')) v;
create table bench.last_name (id int primary key, v text);
insert into bench.last_name select row_number() over (), v from unnest(string_to_array(
 'Andersson Becker Costa Dubois Esposito Fischer Garcia Hoffmann Ivanova Jensen Kowalski Larsen Moreau Nowak '
 'Okafor Petrov Quispe Rossi Schmidt Tanaka Urban Varga Weber Xu Yilmaz Zimmermann Alvarez Brennan Chowdhury '
 'Delgado Eriksen Fontaine Gupta Horvath Ibrahim Jovanovic Kim Lindqvist Mendes Nakamura Oliveira Popescu '
 'Rahman Santos Takahashi Ulrich Vasquez Walsh Yamamoto Zeller Abbott Bauer Conti Duarte Engel Ferrari Gomez '
 'Hansen Ito Johansson', ' ')) v;
create table bench.org_word (id int primary key, v text);
insert into bench.org_word select row_number() over (), v from unnest(string_to_array(
 'Ministry Council Institute Agency Commission Federation Alliance Bureau Authority Foundation Committee Office', ' ')) v;
create table bench.publisher (id int primary key, v text);
insert into bench.publisher select row_number() over (), v from unnest(array['Reuters', 'Associated Press',
 'Global News', 'The Guardian', 'BBC News', 'Al Jazeera', 'Deutsche Welle', 'CNN', 'Breitbart', 'Politico',
 'The Hill', 'Fox News']) v;
create table bench.role_title (id int primary key, v text);
insert into bench.role_title select row_number() over (), v from unnest(array['Minister', 'Secretary-General',
 'President', 'Prime Minister', 'Spokesperson', 'Chief Executive', 'Governor', 'Senator', 'Ambassador', 'Director',
 'Chair', 'Foreign Minister']) v;
create table bench.role_org (id int primary key, v text);
insert into bench.role_org select row_number() over (), v from unnest(array['NATO', 'the European Commission',
 'the United Nations', 'the Treasury', 'the Central Bank', 'the Labour Party', 'the Senate', 'the WHO',
 'the IMF', 'the Interior Ministry', 'the Defence Ministry', 'the Energy Agency']) v;

-- ---------------------------------------------------------------- drop secondary indexes during the load
create table bench.saved_index as
select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def
from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
where n.nspname = 'public' and t.relname in ('article', 'speaker', 'speaker_alias', 'speaker_role', 'event',
  'event_article', 'event_participant', 'statement')
  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
select format('drop index %s', name) from bench.saved_index \gexec

-- ---------------------------------------------------------------- speakers, aliases
insert into speaker (id, name, name_key, kind, created_at)
select g, name, lower(name), kind, timestamptz '2025-01-01' from (
  select g, kind, base || case when row_number() over (partition by lower(base) order by g) > 1 then ' ' || g else '' end as name
  from (
    select g,
      case when g % 25 = 7 then 'GROUP' when g % 8 = 3 then 'ORGANIZATION' else 'PERSON' end as kind,
      case when g % 25 = 7 then (select v from bench.last_name where id = 1 + (g * 7) % 60) || ' Family Foundation'
           when g % 8 = 3 then (select v from bench.org_word where id = 1 + (g / 8) % 12) || ' of '
                             || (select v from bench.last_name where id = 1 + (g * 13) % 60)
           else (select v from bench.first_name where id = 1 + (g % 60)) || ' '
             || (select v from bench.last_name where id = 1 + ((g / 60 + g * 7) % 60))
      end as base
    from generate_series(1, :n_speakers) g) b) s;

insert into speaker_alias (speaker_id, alias, alias_key)
select id, alias, lower(alias) from (
  select id, name as alias, 1 as o from speaker
  union all select id, split_part(name, ' ', 2), 2 from speaker where kind = 'PERSON'
  union all select id, (select v from bench.role_title where id = 1 + s.id % 12) || ' ' || name, 3 from speaker s
    where kind = 'PERSON' and id % 2 = 0
  union all select id, 'the ' || lower(split_part(name, ' ', 1)), 4 from speaker where kind = 'ORGANIZATION') a
order by id, o
on conflict do nothing;

-- ---------------------------------------------------------------- articles
insert into article (id, title, publisher, section, url, published_on, published_at, published_offset, published_zone,
                     published_precision, body, content_hash, ingested_at)
select g, initcap(substr(p1.p, 1, 40 + bench.i(g, 3, 40))),
  pub.v, (array['World', 'Politics', 'Business', 'Europe', 'Climate', 'Health'])[bench.i(g, 4, 6)],
  'https://news.example/' || lower(replace(pub.v, ' ', '-')) || '/' || g,
  d, case when bench.r(g, 6) < 0.5 then d + time '06:00' + make_interval(mins => bench.i(g, 7, 900)) end,
  case when bench.r(g, 6) < 0.5 then '+00:00' end, case when bench.r(g, 6) < 0.5 then 'UTC' end,
  case when d is null then null when bench.r(g, 6) < 0.5 then 'TIME' else 'DAY' end,
  body.b, md5('quoteline-bench-' || g), timestamptz '2025-01-01' + make_interval(secs => g)
from generate_series(1, :n_articles) g
cross join lateral (select case when bench.r(g, 5) < 0.005 then null
                           else date '2015-01-01' + floor(bench.r(g, 2) * 3653)::int end as d) dd
join bench.publisher pub on pub.id = bench.i(g, 1, 12)
join bench.phrase p1 on p1.id = bench.i(g, 8, 6000)
cross join lateral (
  select string_agg(initcap(substr(p.p, 1, 1)) || substr(p.p, 2) || '.', case when k % 3 = 0 then E'\n' else ' ' end order by k) as b
  from generate_series(1, 20 + bench.i(g, 9, 30)) k join bench.phrase p on p.id = bench.i(g * 64 + k, 10, 6000)) body;

-- ---------------------------------------------------------------- events, their articles and participants
insert into event (id, title, kind, status, when_start, when_end, when_precision, when_expression, precision_rank,
                   places, participant_names, sentence)
select g, title, kind, case when ws > date '2024-12-31' then 'EXPECTED' when bench.r(g, 4) < 0.03 then 'ONGOING' else 'PAST' end,
  ws, we, prec, case when prec = 'DAY' then (array['on Tuesday', 'last week', 'on March 3', 'yesterday'])[bench.i(g, 8, 4)]
                     when prec = 'MONTH' then 'in ' || to_char(ws, 'FMMonth') end,
  case prec when 'DAY' then 0 when 'WEEK' then 2 when 'MONTH' then 4 else 8 end,
  array[(array['Brussels', 'Kyiv', 'Washington', 'Beijing', 'Geneva', 'London', 'Paris', 'Berlin'])[bench.i(g, 9, 8)]],
  array[(select name from speaker where id = bench.zipf(g, 10, :n_speakers))],
  title || ', ' || p2.p || '.'
from (select g, prec,
        case prec when 'MONTH' then date_trunc('month', d)::date when 'YEAR' then date_trunc('year', d)::date else d end as ws,
        case prec when 'WEEK' then d + 6 when 'MONTH' then (date_trunc('month', d) + interval '1 month - 1 day')::date
                  when 'YEAR' then (date_trunc('year', d) + interval '1 year - 1 day')::date end as we,
        (array['MEETING', 'VISIT', 'TALKS', 'ANNOUNCEMENT', 'ORDER', 'ATTACK', 'CAPTURE', 'DEADLINE', 'REPORT',
               'PRESS_CONFERENCE', 'OTHER'])[bench.i(g, 3, 11)] as kind
      from generate_series(1, :n_events) g
      -- start dates within the articles' range (2015-01-01..2024-12-31, 3653 days), so that the newest and the
      -- monthly timeline pages mix events with statements as real data does
      cross join lateral (select date '2015-01-01' + floor(bench.r(g, 1) * 3653)::int as d,
        case when bench.r(g, 2) < 0.8 then 'DAY' when bench.r(g, 2) < 0.88 then 'WEEK'
             when bench.r(g, 2) < 0.97 then 'MONTH' else 'YEAR' end as prec) x) e
join bench.phrase p1 on p1.id = bench.i(g, 5, 6000)
join bench.phrase p2 on p2.id = bench.i(g, 6, 6000)
cross join lateral (select initcap(substr(p1.p, 1, 30 + bench.i(g, 7, 40))) as title) t;

-- each report carries the event's sentence (offsets are synthetic, as for statements)
insert into event_article (event_id, article_id, sentence, sentence_start, sentence_end)
select g, bench.i(g * 4 + k, 11, :n_articles), e.sentence, 100 * k, 100 * k + length(e.sentence)
from generate_series(1, :n_events) g cross join lateral generate_series(1, bench.i(g, 13, 3)) k
join event e on e.id = g
on conflict do nothing;

insert into event_participant (event_id, speaker_id)
select g, bench.zipf(g * 4 + k, 14, :n_speakers)
from generate_series(1, :n_events) g cross join lateral generate_series(1, bench.i(g, 15, 3)) k
on conflict do nothing;

-- ---------------------------------------------------------------- statements
insert into statement (id, article_id, speaker_id, occasion_event_id, text, kind, start_offset, end_offset,
  mention_text, mention_start, mention_end, cue_text, cue_start, cue_end, paragraph_index, sentence, sentence_start,
  sentence_end, said_start, said_end, said_precision, said_expression, precision_rank)
select g, x.article_id, x.speaker_id, x.occasion, x.txt, x.kind, x.so, x.so + length(x.txt),
  x.mention, x.so + length(x.txt) + 2, x.so + length(x.txt) + 2 + length(x.mention),
  x.cue, x.so + length(x.txt) + 3 + length(x.mention), x.so + length(x.txt) + 3 + length(x.mention) + length(x.cue),
  x.para, x.txt || ' ' || x.mention || ' ' || x.cue || '.', x.so, x.so + length(x.txt) + 4 + length(x.mention) + length(x.cue),
  x.ss, x.se, x.prec, x.expr, x.rank
from (
  select g, y.article_id, y.speaker_id,
    case when bench.r(g, 3) < 0.03 then bench.i(g, 4, :n_events) end as occasion,
    case y.kind when 'DIRECT' then '“' || y.body || ',”' when 'MIXED' then 'that ' || y.body || ' “' || p3.p || '”'
                else 'that ' || y.body end as txt,
    y.kind, 40 * bench.i(g, 5, 60) as so, bench.i(g, 6, 20) - 1 as para,
    coalesce(sp.name, 'an official') as mention, (array['said', 'told reporters', 'added', 'according to', 'warned', 'insisted'])[bench.i(g, 7, 6)] as cue,
    case when a.published_on is null then null
         when y.prec = 'MONTH' then date_trunc('month', a.published_on)::date
         when y.prec = 'WEEK' then a.published_on - 7
         when y.prec = 'DAY' and bench.r(g, 8) < 0.15 then a.published_on - bench.i(g, 9, 3)
         else a.published_on end as ss,
    case when a.published_on is null then null
         when y.prec = 'MONTH' then (date_trunc('month', a.published_on) + interval '1 month - 1 day')::date
         when y.prec = 'WEEK' then a.published_on - 1 end as se,
    case when a.published_on is not null then y.prec end as prec,
    case when a.published_on is null then null when y.prec = 'MONTH' then 'earlier this month'
         when y.prec = 'WEEK' then 'last week' when bench.r(g, 8) < 0.15 then 'on Tuesday' end as expr,
    case when a.published_on is null then 9 when y.prec = 'MONTH' then 4 when y.prec = 'WEEK' then 2 else 0 end as rank
  from (
    select g, bench.i(g, 1, :n_articles) as article_id,
      case when bench.r(g, 10) < 0.02 then null else bench.zipf(g, 2, :n_speakers) end as speaker_id,
      case when bench.r(g, 11) < 0.5 then 'DIRECT' when bench.r(g, 11) < 0.9 then 'INDIRECT' else 'MIXED' end as kind,
      case when bench.r(g, 12) < 0.92 then 'DAY' when bench.r(g, 12) < 0.96 then 'WEEK' else 'MONTH' end as prec,
      p1.p || case when bench.r(g, 13) < 0.6 then ', ' || p2.p else '' end as body
    from generate_series(1, :n_statements) g
    join bench.phrase p1 on p1.id = bench.i(g, 14, 6000)
    join bench.phrase p2 on p2.id = bench.i(g, 15, 6000)) y
  join article a on a.id = y.article_id
  join bench.phrase p3 on p3.id = bench.i(g, 16, 6000)
  left join speaker sp on sp.id = y.speaker_id
) x;
-- a statement made at an event: its speaker took part in it
insert into event_participant (event_id, speaker_id)
select distinct occasion_event_id, speaker_id from statement where occasion_event_id is not null and speaker_id is not null
on conflict do nothing;

-- roles: 1..4 per speaker, each dated by one of the speaker's articles
insert into speaker_role (speaker_id, article_id, title, organization, label, stated_on)
select s.id, st.article_id, t.v, o.v, t.v || case when o.v is null then '' else ' of ' || o.v end, a.published_on
from speaker s
cross join lateral generate_series(1, bench.i(s.id, 20, 4)) k
cross join lateral (select article_id from statement where speaker_id = s.id offset k - 1 limit 1) st
join article a on a.id = st.article_id
join bench.role_title t on t.id = bench.i(s.id, 21 + k, 12)
left join bench.role_org o on o.id = bench.i(s.id, 26 + k, 14)  -- 13, 14: no organisation
where s.kind = 'PERSON'
on conflict do nothing;

-- ---------------------------------------------------------------- identities, indexes, statistics
select format('select setval(pg_get_serial_sequence(%L, ''id''), coalesce(max(id), 0) + 1, false) from %I', t, t)
from unnest(array['article', 'speaker', 'speaker_alias', 'speaker_role', 'event', 'statement']) t \gexec
set max_parallel_maintenance_workers = 2;
select def from bench.saved_index \gexec
select speaker_event_rebuild();
alter table event_participant enable trigger user;
alter table statement enable trigger user;
alter table event enable trigger user;
vacuum (analyze) article, speaker, speaker_alias, speaker_role, event, event_article, event_participant, statement,
  speaker_event;
select (select count(*) from speaker) speakers, (select count(*) from speaker_alias) aliases,
       (select count(*) from speaker_role) roles, (select count(*) from article) articles,
       (select count(*) from statement) statements, (select count(*) from event) events,
       (select count(*) from event_article) event_articles, (select count(*) from event_participant) participants,
       pg_size_pretty(pg_database_size(current_database())) db_size;
