-- Integration events (the integration feature, issue 17): the transactional outbox. A row is written in the same
-- transaction as the domain event it is derived from (an EventAppendListener on the append), so nothing committed is
-- ever missing here and nothing here was not committed. The relay publishes rows to Kafka in position order and marks
-- them published; consumers deduplicate by event_id (the CloudEvents id), which a re-publication keeps.
-- Not a read model: never rebuilt or swapped (it is the record of what was, or is to be, published).
CREATE TABLE integration_outbox (
    position        BIGSERIAL PRIMARY KEY,
    -- the CloudEvents id: a name-based UUID of the domain event's id and the contract, so a replay names it again
    event_id        UUID NOT NULL UNIQUE,
    -- the domain event it is derived from (domainevententry.eventidentifier)
    domain_event_id TEXT NOT NULL,
    topic           TEXT NOT NULL,
    -- tenant code and aggregate id: all events of one assessment land in one partition, in order
    message_key     TEXT NOT NULL,
    -- CloudEvents attributes: type (jp.hyoka.… .v1), source, subject, dataschema; time is occurred_at
    type            TEXT NOT NULL,
    source          TEXT NOT NULL,
    subject         TEXT,
    dataschema      TEXT NOT NULL,
    tenant_code     TEXT,
    occurred_at     TIMESTAMPTZ NOT NULL,
    payload         JSONB NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at    TIMESTAMPTZ
);
-- the relay's queue: what is still to be published, in order
CREATE INDEX integration_outbox_unpublished ON integration_outbox (position) WHERE published_at IS NULL;
