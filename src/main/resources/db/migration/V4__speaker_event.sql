-- A speaker's events in time order (issue #7): the events they took part in (event_participant) and the events
-- they spoke at (statement.occasion_event_id), each with the event's sort key, so a speaker's timeline reads its
-- event side as a keyset range of one index, like its statement side (statement_speaker_timeline_idx). Before, each
-- page built the set of all the speaker's events (3,761 ids for the suite's speaker, the 5th most quoted) and walked
-- the events of everyone past the cursor to find 51 of them: about 1.3 ms per page, growing with the speaker's events.
--
-- A row exists exactly when the speaker takes part in the event or made a statement at it; triggers keep it so on
-- every write path (ingest, curation, cascades), and its sort key follows the event's. The application's writers
-- (ArticleStore, CurationStore) take one advisory lock, so two transactions never change the same pair's sources at
-- once (under READ COMMITTED, one removing a participation while another adds a statement at the event could each
-- miss the other's change).
create table speaker_event (
    speaker_id     bigint   not null references speaker (id) on delete cascade,
    event_id       bigint   not null references event (id) on delete cascade,
    sort_day       date     not null,
    precision_rank smallint not null,
    primary key (speaker_id, event_id)
);
create index speaker_event_timeline_idx on speaker_event (speaker_id, sort_day, precision_rank, event_id);
-- deleting an event or re-dating it reaches its rows through this one
create index speaker_event_event_idx on speaker_event (event_id);

-- Makes the row of (speaker, event) agree with event_participant and statement: inserts or deletes it.
create function speaker_event_sync(p_speaker bigint, p_event bigint) returns void language plpgsql as $$
begin
    if p_speaker is null or p_event is null then
        return;
    end if;
    if exists (select 1 from event_participant where speaker_id = p_speaker and event_id = p_event)
       or exists (select 1 from statement where speaker_id = p_speaker and occasion_event_id = p_event) then
        -- the speaker and the event may be going in this very statement (a cascade): then there is nothing to add
        insert into speaker_event (speaker_id, event_id, sort_day, precision_rank)
        select p_speaker, e.id, e.sort_day, e.precision_rank from event e
        where e.id = p_event and exists (select 1 from speaker s where s.id = p_speaker)
        on conflict (speaker_id, event_id) do nothing;
    else
        delete from speaker_event where speaker_id = p_speaker and event_id = p_event;
    end if;
end $$;

-- The whole table from its definition: the migration's backfill, and bulk loads that switch the triggers off.
create function speaker_event_rebuild() returns void language sql as $$
    delete from speaker_event;
    insert into speaker_event (speaker_id, event_id, sort_day, precision_rank)
    select x.speaker_id, e.id, e.sort_day, e.precision_rank
    from (select speaker_id, event_id from event_participant
          union
          select speaker_id, occasion_event_id from statement
          where occasion_event_id is not null and speaker_id is not null) x
    join event e on e.id = x.event_id;
$$;

create function speaker_event_participant_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform speaker_event_sync(old.speaker_id, old.event_id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform speaker_event_sync(new.speaker_id, new.event_id);
    end if;
    return null;
end $$;
create trigger speaker_event_participant after insert or update or delete on event_participant
    for each row execute function speaker_event_participant_changed();

create function speaker_event_statement_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform speaker_event_sync(old.speaker_id, old.occasion_event_id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform speaker_event_sync(new.speaker_id, new.occasion_event_id);
    end if;
    return null;
end $$;
-- only statements made at an event matter (3 % of them): the rest cost no call
create trigger speaker_event_statement_insert after insert on statement
    for each row when (new.occasion_event_id is not null and new.speaker_id is not null)
    execute function speaker_event_statement_changed();
create trigger speaker_event_statement_update after update of speaker_id, occasion_event_id on statement
    for each row when ((old.occasion_event_id is not null or new.occasion_event_id is not null)
                       and (old.speaker_id, old.occasion_event_id) is distinct from (new.speaker_id, new.occasion_event_id))
    execute function speaker_event_statement_changed();
create trigger speaker_event_statement_delete after delete on statement
    for each row when (old.occasion_event_id is not null and old.speaker_id is not null)
    execute function speaker_event_statement_changed();

-- sort_day is generated from when_start, so a re-dated event is seen through when_start
create function speaker_event_event_changed() returns trigger language plpgsql as $$
begin
    update speaker_event set sort_day = new.sort_day, precision_rank = new.precision_rank where event_id = new.id;
    return null;
end $$;
create trigger speaker_event_event_redated after update of when_start, precision_rank on event
    for each row when ((old.sort_day, old.precision_rank) is distinct from (new.sort_day, new.precision_rank))
    execute function speaker_event_event_changed();

select speaker_event_rebuild();
