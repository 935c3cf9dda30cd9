-- The publication cycle of each 評価書 (DOMAIN.md §3.6): the version being drafted or last published, whether it is
-- published, and its 公表日. A published version is frozen; editing needs the next version.
ALTER TABLE rm_assessment ADD COLUMN version INT NOT NULL DEFAULT 1;
ALTER TABLE rm_assessment ADD COLUMN published BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE rm_assessment ADD COLUMN published_on DATE;
