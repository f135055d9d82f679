-- Issue 7: one VMS teacher is linked to at most one active roster entry of an academic year. Links
-- that break it today (auto-links the old auto-match made across years) go back to review; the
-- constraint is checked at commit, so one transaction may move a link from one entry to another.
update teacher_progress tp set teacher_id = null, match_status = 'REVIEW', match_score = null
where tp.teacher_id is not null and tp.active and tp.match_status <> 'MANUAL'
  and exists (select 1 from teacher_progress o
              where o.academic_year = tp.academic_year and o.teacher_id = tp.teacher_id and o.active and o.id <> tp.id);
alter table teacher_progress add constraint teacher_progress_one_link_per_year
    exclude using btree (academic_year with =, teacher_id with =) where (teacher_id is not null and active)
    deferrable initially deferred;
