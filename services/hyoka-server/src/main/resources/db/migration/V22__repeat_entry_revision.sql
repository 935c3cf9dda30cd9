-- Each repeat entry row carries the revision of the event that last wrote its group's list (RepeatEntryProjection),
-- as rm_answer and rm_assessment carry theirs: an event older than what a group's rows hold (a replay, a late batch)
-- then changes and deletes nothing. Rows written before this migration hold 0, older than any event.
ALTER TABLE rm_repeat_entry ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
