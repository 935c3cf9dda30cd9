/**
 * 重大事故: a serious incident concerning 特定個人情報 that the municipality (the 評価実施機関) caused or learned of.
 * For a year it raises the しきい値判断 of every 事務 (DOMAIN.md §3.2), and for three years the III 7 risk answers
 * must disclose it (§3.6 "Timers"). Recorded once for the municipality, not per document.
 */
package jp.hyoka.domain.rules.incidents;
