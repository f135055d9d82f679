-- run_change.fields as json, not jsonb: jsonb reorders an object's keys (shortest first), and a diff is
-- read in the order its fields were written (the table's column order; for a deactivation, the flag first)
alter table run_change alter column fields type json using fields::json;
