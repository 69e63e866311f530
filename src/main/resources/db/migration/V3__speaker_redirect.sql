-- Name keys of speakers merged away by curation (mergeSpeakers): an article that names the merged speaker again is
-- attributed to the speaker it was merged into instead of recreating the old row.
create table speaker_redirect (
    name_key   text   primary key,
    speaker_id bigint not null references speaker (id) on delete cascade
);
create index speaker_redirect_speaker_idx on speaker_redirect (speaker_id);
