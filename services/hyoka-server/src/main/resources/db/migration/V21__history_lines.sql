-- One stored event may now stand for several lines of the audit trail: an import's entries and answers are one
-- DocumentContentImported (BENCHMARKS.md row 4), and the trail still shows each entry and answer as its own line, as
-- it did when each was an event of its own. `line` numbers the lines of one revision from 0 (every other event has
-- one line, 0: rows written before this migration keep their meaning).
ALTER TABLE rm_edit_history ADD COLUMN line INT NOT NULL DEFAULT 0;
ALTER TABLE rm_edit_history DROP CONSTRAINT rm_edit_history_pkey;
ALTER TABLE rm_edit_history ADD PRIMARY KEY (tenant_code, assessment_id, revision, line);
DROP INDEX rm_edit_history_in_order;
CREATE INDEX rm_edit_history_in_order ON rm_edit_history (tenant_code, occurred_at, assessment_id, revision, line);
