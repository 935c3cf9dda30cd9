/**
 * しきい値判断 (DOMAIN.md §3.1–3.3): from 対象人数, 取扱者数 and 重大事故 within the past year, which assessment is
 * mandatory ({@link jp.hyoka.domain.rules.threshold.ThresholdJudgement}), why (in Japanese, naming the rule), the
 * しきい値判断結果 a document of a given kind prints, and whether that kind is enough.
 *
 * <p>Not yet here: recording the inputs and the result on an assessment (that is a command and an event, later).
 */
package jp.hyoka.domain.rules.threshold;
