-- Issue 7: two Pathful rows of one file with the same EventId and TeacherEmail (the participation
-- key, facts §10): the first is kept, the repeat is skipped with a warning naming it.
-- A row that created or changed a participation stamps it with its run and row (last_run_id,
-- last_row_no): a later row of the same run finds the stamp and is the repeat. A first row that
-- changed nothing (a re-import) leaves no stamp: it claims its key here instead, and the run's
-- claims are dropped when it completes.
alter table event_teacher add column last_row_no integer;
create table pathful_run_row (
    run_id        uuid    not null,
    event_id      bigint  not null,
    teacher_email text    not null,
    row_no        integer not null,
    primary key (run_id, event_id, teacher_email)
);
