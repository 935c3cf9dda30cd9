-- Search (issue 20): substrings of affair names and answers, Japanese included, within the caller's municipality.
-- PostgreSQL's full-text search does not segment Japanese; trigrams (pg_trgm) index any substring of three or more
-- characters, and a LIKE of one or two characters still runs, as a scan of the municipality's answers
-- (services/hyoka-server/src/main/java/jp/hyoka/server/search/README.md says why pg_trgm and not pg_bigm).
-- pg_trgm is a trusted extension: a login that may create objects in the database may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The searchable text of a stored answer (rm_answer.answer, the JSON of ReadModels.toJson): a text answer's text, a
-- rich text's text without its tags (the entities the sanitizer writes decoded), the free text given with choices;
-- NFKC-normalised (全角 letters and digits, 半角 katakana) and with runs of white space as one space. The affair name
-- is an answer too (affair.name). Numbers, dates and option codes are not text. Redaction rewrites rm_answer in
-- place (RedactedColumns), so a redacted text leaves this index with the answer.
CREATE FUNCTION hyoka_search_text(answer jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
AS $$
SELECT nullif(btrim(regexp_replace(normalize(
    CASE answer ->> 'kind'
        WHEN 'TEXT' THEN answer ->> 'text'
        WHEN 'RICH_TEXT' THEN
            replace(replace(replace(replace(replace(replace(replace(
                regexp_replace(answer ->> 'html', '<[^>]*>', ' ', 'g'),
                '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&apos;', ''''), '&nbsp;', ' '),
                '&amp;', '&')
        WHEN 'SINGLE_CHOICE' THEN answer ->> 'text'
        WHEN 'MULTIPLE_CHOICE' THEN
            (SELECT string_agg(selection ->> 'text', ' ') FROM jsonb_array_elements(answer -> 'selections') selection)
    END, NFKC), '\s+', ' ', 'g')), '')
$$;

-- Stored, not only indexed: a query of one or two characters has no trigram and reads the municipality's answers
-- one by one; computing the text per row on every such search costs about 25 times a comparison (50,000 answers:
-- 2.8 s against 0.11 s). Generated, so every writer of rm_answer keeps it true (the projection, redaction, a rebuild's
-- copy: LIKE ... INCLUDING ALL copies the expression).
ALTER TABLE rm_answer ADD COLUMN search_text TEXT GENERATED ALWAYS AS (hyoka_search_text(answer)) STORED;
CREATE INDEX rm_answer_search ON rm_answer USING gin (search_text gin_trgm_ops);

-- The answers of the municipality named by the transaction's hyoka.tenant (as row-level security reads it: none
-- when it is not set) whose searchable text matches an ILIKE pattern. Why a function: LIKE is not leakproof, so under
-- row-level security PostgreSQL evaluates it only after the policy, row by row, and never through the trigram index
-- (a sequential scan of every municipality's answers). The function runs as the tables' owner, where the index is
-- used, and applies the policy's own condition itself; hyoka_reader may execute it and nothing else may.
-- The body is text, not BEGIN ATOMIC: it names rm_answer at each call, so a rebuild's swapped table is the one read.
CREATE FUNCTION hyoka_search_answers(pattern text)
    RETURNS TABLE (assessment_id uuid, item_id text, entry_path text, text text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
SELECT a.assessment_id, a.item_id, a.entry_path, a.search_text
FROM rm_answer a
WHERE a.tenant_code = current_setting('hyoka.tenant', true)::char(6)
  AND a.search_text ILIKE pattern
$$;
REVOKE ALL ON FUNCTION hyoka_search_answers(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hyoka_search_answers(text) TO hyoka_reader;
