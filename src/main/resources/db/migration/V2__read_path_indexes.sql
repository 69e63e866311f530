-- Read-path indexes (issue #7), measured on the suite's million-statement data (src/bench).

-- A speaker's articles, index-only: the first step of coSpeakers (one speaker's distinct articles: 24k index entries
-- instead of a whole scan of statement_article_speaker_idx, whose leading column is the article) and Speaker.articles.
create index statement_speaker_article_idx on statement (speaker_id, article_id) where speaker_id is not null;

-- The events a speaker took part in, index-only (a speaker's timeline): the heap of event_participant was read for
-- every one of a frequent speaker's 3,000 events. It covers what the single-column index served, so that one goes.
create index event_participant_speaker_event_idx on event_participant (speaker_id, event_id);
drop index event_participant_speaker_idx;
