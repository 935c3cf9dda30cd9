-- Where the start's hash-chain backfill (audit/EventChainBackfill) may begin: every event with a global index at or
-- below linked_through is linked. Without it, the backfill's "any event without a link?" was an anti-join over the
-- whole event table at every start (3.0-4.0 s of each start among 10^6 events, infra/docs/scale.md); with it, a
-- start looks only at the events appended since the last backfill. One row, moved forward only; absent (a database
-- just migrated, where every event may still need its link) means from the first event.
CREATE TABLE event_chain_backfill_mark (
    only_row        BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    linked_through  BIGINT  NOT NULL
);
