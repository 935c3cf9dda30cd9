-- Shared components (the components feature): the platform's catalogue of boilerplate that national bodies issue
-- and every municipality copies (中間サーバー, ガバメントクラウド). Platform-wide, not tenant data: no tenant_code and
-- no row-level security. Component texts are published boilerplate, readable by every signed-in caller, so the
-- tenant reader role (V6) may select them too; only the read-model processor (the login role) writes them.
-- No foreign keys: a rebuild swaps every rm_* table for a copy (ReadModelTables).
CREATE TABLE rm_shared_component (
    component_id  TEXT PRIMARY KEY,
    family        TEXT NOT NULL,
    name          TEXT NOT NULL,
    issuer        TEXT NOT NULL,
    -- [{"form": {"kind": "KEY_ITEMS", "version": "2025"}, "item": "file.storage.location"}, …]
    fits          JSONB NOT NULL,
    -- the number of the component's events projected: what a mutation's read-your-writes waits for
    revision      BIGINT NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE rm_shared_component_version (
    component_id   TEXT NOT NULL,
    version        INT NOT NULL,
    -- DRAFT, IN_REVIEW or PUBLISHED; a withdrawn version's row is deleted (its number is free again)
    status         TEXT NOT NULL,
    text           TEXT NOT NULL,
    effective_from DATE NOT NULL,
    note           TEXT NOT NULL,
    timing         TEXT NOT NULL,
    explanation    TEXT NOT NULL,
    -- [{"name": "existing-systems", "label": "連携する既存システムの名称"}, …]
    slots          JSONB NOT NULL,
    numbering      TEXT NOT NULL,
    brackets       TEXT NOT NULL,
    drafted_by_id   TEXT NOT NULL,
    drafted_by_name TEXT NOT NULL,
    drafted_at     TIMESTAMPTZ NOT NULL,
    published_at   TIMESTAMPTZ,
    PRIMARY KEY (component_id, version)
);

GRANT SELECT ON rm_shared_component, rm_shared_component_version TO hyoka_reader;
