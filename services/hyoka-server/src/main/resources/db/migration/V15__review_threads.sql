-- Review threads (issue 19): comments on an item, an entry or a whole assessment, in threads of their own
-- aggregate. Tenant data: each row names its municipality and row-level security (V6) shows a tenant's reader only
-- its own rows. No foreign keys: a rebuild swaps every rm_* table for a copy (ReadModelTables).

-- One row per thread: what it is about (no item: the whole document) and whether it is resolved.
CREATE TABLE rm_review_thread (
    tenant_code     TEXT NOT NULL,
    assessment_id   UUID NOT NULL,
    thread_id       UUID NOT NULL PRIMARY KEY,
    item_id         TEXT,
    entry_id        TEXT,
    -- OPEN or RESOLVED
    status          TEXT NOT NULL,
    started_by_id   TEXT NOT NULL,
    started_by_name TEXT NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    -- the thread's events projected: what read-your-writes waits for
    revision        BIGINT NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX rm_review_thread_assessment ON rm_review_thread (tenant_code, assessment_id, status, started_at);

-- One row per event of a thread, in order: the comments (STARTED, REPLIED carry text) and who resolved or
-- reopened it when.
CREATE TABLE rm_review_thread_event (
    tenant_code   TEXT NOT NULL,
    thread_id     UUID NOT NULL,
    position      BIGINT NOT NULL,
    -- STARTED, REPLIED, RESOLVED or REOPENED
    kind          TEXT NOT NULL,
    text          TEXT,
    actor_id      TEXT NOT NULL,
    actor_name    TEXT NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (thread_id, position)
);

GRANT SELECT ON rm_review_thread, rm_review_thread_event TO hyoka_reader;
ALTER TABLE rm_review_thread ENABLE ROW LEVEL SECURITY;
ALTER TABLE rm_review_thread_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON rm_review_thread TO hyoka_reader
    USING (tenant_code = current_setting('hyoka.tenant', true));
CREATE POLICY tenant_rows ON rm_review_thread_event TO hyoka_reader
    USING (tenant_code = current_setting('hyoka.tenant', true));
