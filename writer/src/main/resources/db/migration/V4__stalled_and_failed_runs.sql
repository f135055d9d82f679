-- Issue 7: every run ends. STALLED: not all outcomes arrived in time (it completes if they do);
-- FAILED: its completion kept failing. The row numbers a run carries (from its end marker, as ranges)
-- say which rows a stalled run misses.
alter table import_run drop constraint import_run_status_check;
alter table import_run add constraint import_run_status_check
    check (status in ('RUNNING', 'COMPLETED', 'REJECTED', 'STALLED', 'FAILED'));
alter table import_run add column row_ranges text;
create index import_run_open on import_run (updated_at) where status = 'RUNNING';
