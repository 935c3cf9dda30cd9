-- Tamper evidence (README, "Tamper evidence"): each tenant's events form a SHA-256 hash chain. A link is written
-- in the same transaction as the event it covers (ChainingEventStorageEngine), so no committed event is ever
-- without its link. Events stored before this migration are chained at the next start, in global order
-- (EventChainBackfill).

-- One row per event: its place in its tenant's chain and the hashes. tenant_code is a 地方公共団体コード, or
-- 'platform' for an event that names no municipality.
CREATE TABLE event_chain (
    tenant_code      VARCHAR(16)  NOT NULL,
    chain_position   BIGINT       NOT NULL,
    -- Deleting a chained event needs this constraint dropped first: removal is never an accident.
    event_identifier VARCHAR(255) NOT NULL UNIQUE REFERENCES domainevententry (eventidentifier),
    previous_hash    CHAR(64)     NOT NULL,
    hash             CHAR(64)     NOT NULL,
    PRIMARY KEY (tenant_code, chain_position)
);

-- The last link of each chain. Appends lock this row (SELECT … FOR UPDATE) so one tenant's appends take positions
-- one after another, whatever the node; verification compares it with the last link, so links cut off the end
-- of a chain show as well.
CREATE TABLE event_chain_head (
    tenant_code    VARCHAR(16) NOT NULL PRIMARY KEY,
    chain_position BIGINT      NOT NULL,
    hash           CHAR(64)    NOT NULL
);
