-- Isolation in depth: every read a tenant's request makes runs as the role hyoka_reader, inside a transaction
-- whose setting hyoka.tenant names the caller's municipality (TenantScopedReads). Row-level security then shows
-- that role only the rows of that municipality, so a query that forgets its "WHERE tenant_code = ?" still leaks
-- nothing, and a transaction that forgets to name a tenant sees no rows at all.
--
-- The projections write as the login role, which owns the tables and is therefore not subject to these policies:
-- they write every tenant's rows by design (one event stream, one tracking processor).
--
-- Roles are cluster-wide while this migration runs per database (tests create many databases in one cluster,
-- in parallel), so an existing role is not an error.
DO $$
BEGIN
    CREATE ROLE hyoka_reader NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

-- The login must be able to switch to the reader role for its tenant reads. A login without CREATEROLE needs a
-- database administrator to run these two statements once (README, "Configure").
GRANT hyoka_reader TO CURRENT_USER;

GRANT USAGE ON SCHEMA public TO hyoka_reader;
GRANT SELECT ON rm_assessment, rm_answer, rm_edit_history, rm_repeat_entry, rm_past_change, rm_imported_document,
    rm_unmapped_content TO hyoka_reader;

ALTER TABLE rm_assessment ENABLE ROW LEVEL SECURITY;
ALTER TABLE rm_answer ENABLE ROW LEVEL SECURITY;
ALTER TABLE rm_edit_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE rm_repeat_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE rm_past_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE rm_imported_document ENABLE ROW LEVEL SECURITY;
ALTER TABLE rm_unmapped_content ENABLE ROW LEVEL SECURITY;

-- current_setting(..., true) is NULL when no tenant was set: NULL never equals a code, so nothing is visible.
CREATE POLICY tenant_rows ON rm_assessment TO hyoka_reader USING (tenant_code = current_setting('hyoka.tenant', true));
CREATE POLICY tenant_rows ON rm_answer TO hyoka_reader USING (tenant_code = current_setting('hyoka.tenant', true));
CREATE POLICY tenant_rows ON rm_edit_history TO hyoka_reader USING (tenant_code = current_setting('hyoka.tenant', true));
CREATE POLICY tenant_rows ON rm_repeat_entry TO hyoka_reader USING (tenant_code = current_setting('hyoka.tenant', true));
CREATE POLICY tenant_rows ON rm_past_change TO hyoka_reader USING (tenant_code = current_setting('hyoka.tenant', true));
CREATE POLICY tenant_rows ON rm_imported_document TO hyoka_reader
    USING (tenant_code = current_setting('hyoka.tenant', true));
CREATE POLICY tenant_rows ON rm_unmapped_content TO hyoka_reader
    USING (tenant_code = current_setting('hyoka.tenant', true));
