-- Stored events' and snapshots' payloads compressed with lz4 instead of pglz, where this PostgreSQL has lz4 (built
-- --with-lz4: Debian's and the official images' packages; zonky's embedded binaries are not). An import's content is
-- one event of ~100 KB (BENCHMARKS.md row 4): PostgreSQL compressed it with pglz into its TOAST table inside the
-- append's insert, ~0.7 ms of the import's commit per large event; lz4 compresses several times faster
-- (infra/docs/import-benchmark.md, eighth pass, cmd). Payloads under ~2 KB (an edit's event) are not compressed by
-- either. Only values written from now on use lz4: rows stored before stay pglz, and PostgreSQL reads either (each
-- compressed value names its method). Nothing else changes: the payload is still bytea, read back as the bytes
-- written, so the hash chain is untouched. Catalog-only (no rewrite of the table).
-- Where lz4 is missing, SET COMPRESSION lz4 fails with feature_not_supported: the columns then stay as they were
-- (pglz) and the migration still succeeds, so the same migrations run on every PostgreSQL Hyoka supports.
DO $$
BEGIN
    ALTER TABLE domainevententry ALTER COLUMN payload SET COMPRESSION lz4;
    ALTER TABLE domainevententry ALTER COLUMN metadata SET COMPRESSION lz4;
    ALTER TABLE snapshotevententry ALTER COLUMN payload SET COMPRESSION lz4;
    ALTER TABLE snapshotevententry ALTER COLUMN metadata SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'PostgreSQL has no lz4 here: event and snapshot payloads stay compressed with pglz';
END
$$;
