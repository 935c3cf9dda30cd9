-- rm_imported_document: which published file each imported assessment came from, with its counts.
CREATE TABLE rm_imported_document (
    tenant_code     CHAR(6)     NOT NULL,
    assessment_id   UUID        NOT NULL,
    content_hash    TEXT        NOT NULL,
    source_name     TEXT,
    rows_read       INT         NOT NULL,
    rows_mapped     INT         NOT NULL,
    revision        BIGINT      NOT NULL,
    imported_by_id  TEXT        NOT NULL,
    imported_by_name TEXT       NOT NULL,
    imported_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_code, assessment_id, content_hash)
);

-- rm_unmapped_content: what no form item could take, kept verbatim (markup removed) with the reason.
CREATE TABLE rm_unmapped_content (
    tenant_code     CHAR(6)     NOT NULL,
    assessment_id   UUID        NOT NULL,
    content_hash    TEXT        NOT NULL,
    row_index       INT         NOT NULL,
    source_line     INT         NOT NULL,
    label           TEXT        NOT NULL,
    content         TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    item_id         TEXT,
    PRIMARY KEY (tenant_code, assessment_id, content_hash, row_index)
);
