/**
 * Text algorithms for shared components (DOMAIN.md §5, issue 16), pure and deterministic: normalisation for
 * matching ({@link jp.hyoka.domain.components.text.MatchingText}), similarity and best match against component
 * versions ({@link jp.hyoka.domain.components.text.BoilerplateMatcher}), a local text as a re-applicable difference
 * against its base ({@link jp.hyoka.domain.components.text.TextDifference}) and the three-way merge of a base
 * version, a new version and a local text ({@link jp.hyoka.domain.components.text.ThreeWayMerge}).
 * Normalised text is for comparing only; what is stored is always the text as written.
 */
package jp.hyoka.domain.components.text;
