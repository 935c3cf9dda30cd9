-- Repeating groups (システムN, 特定個人情報ファイル, 委託事項N, 提供先N, 移転先N): answers are addressed by item and
-- entry path (entry ids outermost first, joined by '/'; '' outside any group).
ALTER TABLE rm_answer ADD COLUMN entry_path TEXT NOT NULL DEFAULT '';
ALTER TABLE rm_answer DROP CONSTRAINT rm_answer_pkey;
ALTER TABLE rm_answer ADD PRIMARY KEY (tenant_code, assessment_id, item_id, entry_path);

ALTER TABLE rm_edit_history ADD COLUMN entry_path TEXT NOT NULL DEFAULT '';
-- Facts that are not an item's before/after: entry added/moved/removed, form revision migrated.
ALTER TABLE rm_edit_history ADD COLUMN detail JSONB;

-- rm_repeat_entry: the entries of each group under each parent entry path, with their 0-based position.
CREATE TABLE rm_repeat_entry (
    tenant_code   CHAR(6) NOT NULL,
    assessment_id UUID    NOT NULL,
    entry_id      TEXT    NOT NULL,
    group_id      TEXT    NOT NULL,
    parent_path   TEXT    NOT NULL,
    position      INT     NOT NULL,
    PRIMARY KEY (tenant_code, assessment_id, entry_id)
);
CREATE INDEX rm_repeat_entry_by_group ON rm_repeat_entry (tenant_code, assessment_id, group_id, parent_path, position);
