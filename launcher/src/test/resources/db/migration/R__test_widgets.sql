-- The test-only source kind's table (a repeatable migration: it never takes a version number).
create table if not exists test_widget (
    widget_id   text primary key,
    name        text,
    color       text,
    last_run_id uuid,
    updated_at  timestamptz not null default now()
);
