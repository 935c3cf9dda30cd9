-- Shared components in municipalities' documents (the components feature, issue 16). Tenant data: each row names its
-- municipality and row-level security (V6) shows a tenant's reader only its own rows. The platform's usage view and
-- the dry run count across municipalities on the login role, and only ever answer counts.
-- No foreign keys: a rebuild swaps every rm_* table for a copy (ReadModelTables).

-- One row per use of a component in an item of a document (several per item are possible).
CREATE TABLE rm_component_use (
    tenant_code   TEXT NOT NULL,
    assessment_id UUID NOT NULL,
    use_id        TEXT NOT NULL,
    item_id       TEXT NOT NULL,
    entry_ids     TEXT[] NOT NULL,
    component_id  TEXT NOT NULL,
    version       INT NOT NULL,
    -- LOCKED, ADAPTED or DETACHED
    mode          TEXT NOT NULL,
    slot_values   JSONB NOT NULL,
    numbering     TEXT NOT NULL,
    brackets      TEXT NOT NULL,
    -- the section as the item's answer holds it
    text          TEXT NOT NULL,
    -- set when an import recognised the copy
    similarity    DOUBLE PRECISION,
    inserted_at   TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (assessment_id, use_id)
);
-- the fan-out and the usage view find a component's uses by version
CREATE INDEX rm_component_use_component ON rm_component_use (component_id, version, mode);
CREATE INDEX rm_component_use_tenant ON rm_component_use (tenant_code, component_id);

-- A proposal: a published version newer than the one a followed use is on. Derived from the events (the catalogue's
-- publications and the documents' uses and decisions) by the read-model processor, in order: a publication raises
-- one per followed use of the version before it, in the same transaction as the processor's token, so a restart
-- can neither lose nor double any. Status: PENDING, DEFERRED, ADOPTED, DECLINED, or SUPERSEDED (a later version
-- was proposed, or the use was detached or removed, before a decision).
CREATE TABLE rm_component_proposal (
    tenant_code   TEXT NOT NULL,
    assessment_id UUID NOT NULL,
    use_id        TEXT NOT NULL,
    component_id  TEXT NOT NULL,
    from_version  INT NOT NULL,
    to_version    INT NOT NULL,
    status        TEXT NOT NULL,
    raised_at     TIMESTAMPTZ NOT NULL,
    decided_at    TIMESTAMPTZ,
    decided_by_name TEXT,
    reason        TEXT,
    deferred_until DATE,
    PRIMARY KEY (assessment_id, use_id, to_version)
);
CREATE INDEX rm_component_proposal_tenant ON rm_component_proposal (tenant_code, status);
CREATE INDEX rm_component_proposal_component ON rm_component_proposal (component_id, to_version, status);

GRANT SELECT ON rm_component_use, rm_component_proposal TO hyoka_reader;
ALTER TABLE rm_component_use ENABLE ROW LEVEL SECURITY;
ALTER TABLE rm_component_proposal ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON rm_component_use TO hyoka_reader
    USING (tenant_code = current_setting('hyoka.tenant', true));
CREATE POLICY tenant_rows ON rm_component_proposal TO hyoka_reader
    USING (tenant_code = current_setting('hyoka.tenant', true));

-- What each publication raised (the usage view's and the operators' progress line): counts only, platform-wide.
CREATE TABLE rm_component_fan_out (
    component_id   TEXT NOT NULL,
    version        INT NOT NULL,
    proposals      INT NOT NULL,
    documents      INT NOT NULL,
    municipalities INT NOT NULL,
    raised_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (component_id, version)
);
