-- Issue 10: unmatched Pathful rows are matched again when their teacher and event arrive (REMATCH
-- runs). The record keeps what the row needs to be published again (its status and participant type),
-- and, once a REMATCH run matched it, which run resolved it and when.
alter table pathful_unmatched_record
    add column attendance_status text,
    add column participant_type  text,
    add column resolved_by_run   uuid,
    add column resolved_at       timestamptz;

-- what a REMATCH looks for after every run that adds teachers or events
create index pathful_unmatched_pending on pathful_unmatched_record (academic_year, teacher_email)
    where status = 'pending';
