/**
 * The rules of the field (issue 19) as questions anyone signed in may ask: so far the しきい値判断
 * ({@code thresholdDecision}). The rules themselves are the domain's ({@code jp.hyoka.domain.rules}); this package
 * only translates. Reads and writes no table; SDL: rules.graphqls.
 */
package jp.hyoka.server.rules;
