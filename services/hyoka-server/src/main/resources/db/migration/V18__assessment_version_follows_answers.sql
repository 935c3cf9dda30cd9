-- A kept answer of assessment(id:) (graphql/ResponseCache) is served while the document's version is unchanged, and
-- that version is its rm_assessment row's revision and xmin (assessment/AssessmentVersions). It is right only if
-- every transaction that writes rm_answer or rm_repeat_entry also writes the rm_assessment rows of the documents it
-- changed. The projection does (every handler touches the row); these triggers make it hold for any writer: a new
-- projection, a redaction, a data migration or an operator's hand-written statement. After each statement that
-- wrote those tables, the row of every document it changed is written (a no-op update, which gives the row a new
-- xmin), unless this transaction wrote that row already: the projection writes it before its answers
-- (ReadModelWrites), so there the trigger only looks the row up. Statement-level triggers with transition tables: one
-- update per statement, not per row (a rebuild writes thousands of rows per statement). An UPDATE touches the documents
-- of its rows before and after (a row moved to another document changes both); a TRUNCATE, which has no transition
-- table, touches every document beside the table. "Wrote that row already" compares 32-bit transaction ids (xmin):
-- a row last written exactly 2^32 transactions earlier would look written; the kept answer's own version (revision
-- and xmin) has the same exposure, accepted.
--
-- The function names the rm_assessment beside the table written (TG_TABLE_SCHEMA): a rebuild's copies in rm_rebuild
-- carry these triggers too (ShadowSchema copies them) and must touch the copy of rm_assessment, not the live one.
CREATE FUNCTION hyoka_touch_assessment_version() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_TABLE_SCHEMA = 'public' THEN
        -- The live tables, on every projection batch's statements: a static statement, whose plan PL/pgSQL keeps
        -- for the session (EXECUTE below is planned at every call).
        UPDATE public.rm_assessment a SET revision = a.revision
        FROM (SELECT DISTINCT tenant_code, assessment_id FROM changed_rows) c
        WHERE a.tenant_code = c.tenant_code AND a.assessment_id = c.assessment_id
          AND NOT a.xmin = pg_current_xact_id()::xid;
    ELSE
        EXECUTE format($update$
            UPDATE %I.rm_assessment a SET revision = a.revision
            FROM (SELECT DISTINCT tenant_code, assessment_id FROM changed_rows) c
            WHERE a.tenant_code = c.tenant_code AND a.assessment_id = c.assessment_id
              AND NOT a.xmin = pg_current_xact_id()::xid
            $update$, TG_TABLE_SCHEMA);
    END IF;
    RETURN NULL;
END
$$;

-- The same for an UPDATE, over the rows before and after it.
CREATE FUNCTION hyoka_touch_assessment_version_updated() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_TABLE_SCHEMA = 'public' THEN
        UPDATE public.rm_assessment a SET revision = a.revision
        FROM (SELECT tenant_code, assessment_id FROM changed_rows
              UNION SELECT tenant_code, assessment_id FROM rows_before) c
        WHERE a.tenant_code = c.tenant_code AND a.assessment_id = c.assessment_id
          AND NOT a.xmin = pg_current_xact_id()::xid;
    ELSE
        EXECUTE format($update$
            UPDATE %I.rm_assessment a SET revision = a.revision
            FROM (SELECT tenant_code, assessment_id FROM changed_rows
                  UNION SELECT tenant_code, assessment_id FROM rows_before) c
            WHERE a.tenant_code = c.tenant_code AND a.assessment_id = c.assessment_id
              AND NOT a.xmin = pg_current_xact_id()::xid
            $update$, TG_TABLE_SCHEMA);
    END IF;
    RETURN NULL;
END
$$;

-- A TRUNCATE: every document beside the table.
CREATE FUNCTION hyoka_touch_every_assessment_version() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('UPDATE %I.rm_assessment SET revision = revision', TG_TABLE_SCHEMA);
    RETURN NULL;
END
$$;

-- One trigger per event: PostgreSQL allows transition tables only on triggers of a single event.
CREATE TRIGGER rm_answer_inserted_touches_assessment AFTER INSERT ON rm_answer
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hyoka_touch_assessment_version();
CREATE TRIGGER rm_answer_updated_touches_assessment AFTER UPDATE ON rm_answer
    REFERENCING OLD TABLE AS rows_before NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hyoka_touch_assessment_version_updated();
CREATE TRIGGER rm_answer_deleted_touches_assessment AFTER DELETE ON rm_answer
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hyoka_touch_assessment_version();
CREATE TRIGGER rm_answer_truncated_touches_assessment AFTER TRUNCATE ON rm_answer
    FOR EACH STATEMENT EXECUTE FUNCTION hyoka_touch_every_assessment_version();
CREATE TRIGGER rm_repeat_entry_inserted_touches_assessment AFTER INSERT ON rm_repeat_entry
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hyoka_touch_assessment_version();
CREATE TRIGGER rm_repeat_entry_updated_touches_assessment AFTER UPDATE ON rm_repeat_entry
    REFERENCING OLD TABLE AS rows_before NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hyoka_touch_assessment_version_updated();
CREATE TRIGGER rm_repeat_entry_deleted_touches_assessment AFTER DELETE ON rm_repeat_entry
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION hyoka_touch_assessment_version();
CREATE TRIGGER rm_repeat_entry_truncated_touches_assessment AFTER TRUNCATE ON rm_repeat_entry
    FOR EACH STATEMENT EXECUTE FUNCTION hyoka_touch_every_assessment_version();
