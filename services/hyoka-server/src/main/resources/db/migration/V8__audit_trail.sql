-- The audit trail across a municipality's assessments: which command caused each event (from the command's
-- correlation data; null for events stored before this column), and indexes for paging the whole trail in order
-- and for the auditor's filters by user and item.
ALTER TABLE rm_edit_history ADD COLUMN command TEXT;
CREATE INDEX rm_edit_history_in_order ON rm_edit_history (tenant_code, occurred_at, assessment_id, revision);
CREATE INDEX rm_edit_history_by_actor ON rm_edit_history (tenant_code, actor_id, occurred_at);
CREATE INDEX rm_edit_history_by_item ON rm_edit_history (tenant_code, item_id, occurred_at);
