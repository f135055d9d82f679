-- Issue 10: what a validate-only run would change, kept for `bin/polaris run RUN_ID --diff` (nothing
-- else is written by such a run): each row it would create or update, with the fields that would
-- change (old -> new), and the entries its completion would deactivate (a roster's replace; no row).
create table run_change (
    id         bigserial   primary key,
    run_id     uuid        not null,
    row_no     integer,
    action     text        not null check (action in ('CREATE', 'UPDATE', 'DEACTIVATE')),
    entity     text        not null,
    entity_key text        not null,
    fields     jsonb       not null,
    created_at timestamptz not null default now()
);
create index run_change_run on run_change (run_id, row_no);

-- a validate-only roster run keeps which entries it carries (its rows' writes are undone), so its
-- completion can say which entries the replace would deactivate
