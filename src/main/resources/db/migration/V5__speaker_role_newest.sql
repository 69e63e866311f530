-- A speaker's roles newest first, index-only (issue #7): every page that shows speakers' roles reads each speaker's
-- roles in this order (ReadRepository.ROLES_JSON, FieldResolvers.roles). With only the unique index on
-- (speaker_id, article_id, label), PostgreSQL fetched each speaker's rows from the heap and sorted them, once per speaker
-- of the page; this index hands them over in order, so a page's roles need neither the heap nor a sort.
create index speaker_role_newest_idx on speaker_role (speaker_id, stated_on desc nulls last, id)
    include (label, title, organization);
