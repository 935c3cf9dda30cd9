-- A redaction rewrites the outbox rows of one assessment (IntegrationOutbox.redact: tenant_code and subject). Since
-- the chain's head lock orders every listener of an append (outbox positions in commit order), that rewrite runs while
-- the municipality's head is held, and without this index it scanned the whole outbox, which is never pruned: every
-- other commit of that municipality waited for the scan. One more index on each outbox insert (a short text key).
CREATE INDEX IF NOT EXISTS integration_outbox_subject ON integration_outbox (tenant_code, subject);
