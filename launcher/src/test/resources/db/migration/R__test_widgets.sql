-- The test-only source kind's table (a repeatable migration: it never takes a version number).
create table if not exists test_widget (
    widget_id   text primary key,
    name        text,
    color       text,
    last_run_id uuid,
    updated_at  timestamptz not null default now()
);
-- a value the database refuses: the poison-record test's "store write fails"
alter table test_widget drop constraint if exists test_widget_color_check;
alter table test_widget add constraint test_widget_color_check check (color is distinct from 'ultraviolet');
