-- Issue 9: per Streaming API channel, the last replay id whose events Kafka has committed (the subscription
-- resumes after it), and the commit time of the newest change applied (where a gap is healed from).
create table salesforce_stream_state (
    channel     text primary key,
    replay_id   bigint not null,
    last_commit timestamptz,
    heals       integer not null default 0,
    last_heal   text,
    updated_at  timestamptz not null default now()
);
