-- rm_publication (the rules feature, issue 19): every publication of an assessment in Hyoka, with its 公表日 and
-- whether it was a (re-)assessment (the first version, or one with a 事前 change). The deadlines count from it:
-- rm_assessment keeps only the last 公表日, and a first publication has no 変更箇所 rows to date it by.
CREATE TABLE rm_publication (
    tenant_code   CHAR(6) NOT NULL,
    assessment_id UUID    NOT NULL,
    version       INT     NOT NULL,
    published_on  DATE    NOT NULL,
    reassessment  BOOLEAN NOT NULL,
    PRIMARY KEY (tenant_code, assessment_id, version)
);
GRANT SELECT ON rm_publication TO hyoka_reader;
ALTER TABLE rm_publication ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON rm_publication TO hyoka_reader
    USING (tenant_code = current_setting('hyoka.tenant', true));
