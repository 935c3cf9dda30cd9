-- The relay's queue apart from the outbox's rows (issue 17, relay throughput). Marking a row published used to be an
-- UPDATE of its published_at, which was in the partial index's predicate: every mark wrote a new version of a ~1 KB
-- row and new entries in all of its indexes, the slowest step of a batch. Now a row waits while its position is in
-- integration_outbox_queue (written in the same transaction as the row) and is marked by deleting that small entry;
-- the outbox's rows are never touched after they are written (save a redaction). A replay queues a row again.
CREATE TABLE integration_outbox_queue (
    position  BIGINT PRIMARY KEY,
    -- since when it waits (its first queueing, or a replay's): the oldest waiting age operators see
    queued_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO integration_outbox_queue (position, queued_at)
    SELECT position, created_at FROM integration_outbox WHERE published_at IS NULL;
DROP INDEX integration_outbox_unpublished;
ALTER TABLE integration_outbox DROP COLUMN published_at;
