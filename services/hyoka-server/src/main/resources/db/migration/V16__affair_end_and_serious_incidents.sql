-- The rules feature (issue 19): what the deadlines beyond publication count from. Tenant data under row-level
-- security (V6); no foreign keys: a rebuild swaps every rm_* table for a copy (ReadModelTables).

-- The day an assessment's 事務 ended (事務終了), the last one recorded: publication continues for three years.
CREATE TABLE rm_affair_end (
    tenant_code   CHAR(6) NOT NULL,
    assessment_id UUID    NOT NULL,
    ended_on      DATE    NOT NULL,
    -- the assessment's revision of the record: a replayed older record never overwrites a later correction
    revision      BIGINT  NOT NULL,
    PRIMARY KEY (tenant_code, assessment_id)
);

-- A municipality's 重大事故 (one per record): three years of III 7 disclosure, and when it concerned 特定個人情報 a
-- year of raised しきい値判断.
CREATE TABLE rm_serious_incident (
    tenant_code      CHAR(6)     NOT NULL,
    incident_id      UUID        NOT NULL,
    -- its place in the municipality's log: what read-your-writes waits for
    position         BIGINT      NOT NULL,
    discovered_on    DATE        NOT NULL,
    specific_personal_information BOOLEAN NOT NULL,
    summary          TEXT        NOT NULL,
    recorded_by_id   TEXT        NOT NULL,
    recorded_by_name TEXT        NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_code, incident_id)
);

GRANT SELECT ON rm_affair_end, rm_serious_incident TO hyoka_reader;
ALTER TABLE rm_affair_end ENABLE ROW LEVEL SECURITY;
ALTER TABLE rm_serious_incident ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON rm_affair_end TO hyoka_reader
    USING (tenant_code = current_setting('hyoka.tenant', true));
CREATE POLICY tenant_rows ON rm_serious_incident TO hyoka_reader
    USING (tenant_code = current_setting('hyoka.tenant', true));
