-- Issue 10: the alias mapping of every source kind as data, versioned. A version is never changed:
-- an administrator's change inserts the next one, with who made it, when, what changed and why. The
-- configuration (polaris.mapping.aliases.*) seeds version 1 of a kind the first time the pipeline
-- starts with it; from then on the database is the mapping.
create table alias_mapping (
    kind          text        not null,
    version       integer     not null,
    aliases       jsonb       not null,
    extra_columns text        not null default 'WARN' check (extra_columns in ('WARN', 'IGNORE')),
    changed_by    text        not null,
    changed_at    timestamptz not null default clock_timestamp(),
    change        text        not null,
    note          text,
    primary key (kind, version)
);

-- A run's header as it arrived (a replay publishes its rows again under it) and what the header
-- check noticed about the run as a whole (columns no field claims).
alter table import_run add column header text[], add column run_warnings text[];

-- the runs that replay a run, for its import log
create index import_run_replay_of on import_run (replay_of) where replay_of is not null;
