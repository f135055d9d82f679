-- Issue 6: source kinds as plug-ins. A kind's own run counters (a roster run's deactivations, a
-- virtual-session run's registrations, later a Salesforce run's chunks) live in one map per run
-- instead of one column per kind.
alter table import_run add column counters jsonb not null default '{}'::jsonb;
update import_run set counters = jsonb_strip_nulls(jsonb_build_object(
        'deactivated', nullif(deactivated, 0), 'registrations', nullif(registrations, 0)));
alter table import_run drop column deactivated, drop column registrations;

-- Which purposes a sheet may have is the registered kinds' business (checked by the API), not the schema's.
alter table sheet_config drop constraint sheet_config_purpose_check;
