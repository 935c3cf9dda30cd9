/**
 * The 評価書 (assessment) aggregate as pure functions: {@link jp.hyoka.domain.assessment.AssessmentDecider} decides,
 * {@link jp.hyoka.domain.assessment.Assessment#evolve} folds events into state.
 */
package jp.hyoka.domain.assessment;
