-- The searchable text of an answer (V17's hyoka_search_text), the same text computed more cheaply: PostgreSQL inlines
-- a SQL function into the statement that calls it (here the stored generated column rm_answer.search_text, computed
-- for every answer a projection writes) only when its body has no subquery and, for a strict function, no construct
-- that is not strict (CASE). V17's body had both (the choices' texts joined by a subquery), so every row written ran the
-- function through the SQL-function executor: a query started and ended per row (BENCHMARKS.md row 4,
-- infra/docs/import-benchmark.md, seventh pass). Now the join of the choices' texts is a function of its own, called
-- only for a multiple choice, and the rest is inlined. The same text for every answer: NULL in, NULL out (the CASE of
-- a NULL is NULL, as the strict function answered); the CASE, the normalisation and the replacements are V17's, in the
-- same order (SearchTextIT compares both on every answer of the imported samples and on generated ones). The stored
-- values are therefore still this function's, and nothing is recomputed.
CREATE FUNCTION hyoka_search_choices(selections jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT string_agg(selection ->> 'text', ' ') FROM jsonb_array_elements(selections) selection
$$;

CREATE OR REPLACE FUNCTION hyoka_search_text(answer jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE CALLED ON NULL INPUT
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
        WHEN 'MULTIPLE_CHOICE' THEN public.hyoka_search_choices(answer -> 'selections')
    END, NFKC), '\s+', ' ', 'g')), '')
$$;
