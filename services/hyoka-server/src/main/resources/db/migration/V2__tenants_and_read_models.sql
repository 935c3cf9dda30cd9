-- Municipalities known to this installation. A token for a code not listed here is refused.
CREATE TABLE tenant (
    municipality_code CHAR(6)     NOT NULL PRIMARY KEY,
    name              TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Read models. Every row carries its tenant and every query filters by it; primary keys start with the
-- tenant so that one municipality's reads never scan another's rows.

-- rm_assessment: one row per 評価書, the head of the current document.
CREATE TABLE rm_assessment (
    tenant_code      CHAR(6)     NOT NULL,
    assessment_id    UUID        NOT NULL,
    form_kind        TEXT        NOT NULL,
    form_version     TEXT        NOT NULL,
    affair_name      TEXT        NOT NULL,
    revision         BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    created_by_id    TEXT        NOT NULL,
    created_by_name  TEXT        NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    updated_by_id    TEXT        NOT NULL,
    updated_by_name  TEXT        NOT NULL,
    PRIMARY KEY (tenant_code, assessment_id)
);
-- The list query pages newest first with a (created_at, id) keyset cursor.
CREATE INDEX rm_assessment_by_created ON rm_assessment (tenant_code, created_at DESC, assessment_id DESC);

-- rm_answer: the current answer of each answered item.
CREATE TABLE rm_answer (
    tenant_code      CHAR(6)     NOT NULL,
    assessment_id    UUID        NOT NULL,
    item_id          TEXT        NOT NULL,
    answer           JSONB       NOT NULL,
    revision         BIGINT      NOT NULL,
    answered_at      TIMESTAMPTZ NOT NULL,
    answered_by_id   TEXT        NOT NULL,
    answered_by_name TEXT        NOT NULL,
    PRIMARY KEY (tenant_code, assessment_id, item_id)
);

-- rm_edit_history: one row per event, the audit trail of an assessment.
CREATE TABLE rm_edit_history (
    tenant_code     CHAR(6)     NOT NULL,
    assessment_id   UUID        NOT NULL,
    revision        BIGINT      NOT NULL,
    event_type      TEXT        NOT NULL,
    item_id         TEXT,
    old_answer      JSONB,
    new_answer      JSONB,
    reason          TEXT,
    actor_id        TEXT        NOT NULL,
    actor_name      TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_code, assessment_id, revision)
);
