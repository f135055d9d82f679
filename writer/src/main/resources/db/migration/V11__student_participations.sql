-- Issue 8: student participations are event participations of students (facts §1
-- EventStudentParticipation), written once their event and their student are in Polaris.
alter table event_participation add column student_id bigint references student (id);
