/**
 * 重要な変更 and re-assessment (DOMAIN.md §3.4, §3.5): whether the changes a next version would publish include a
 * 重要な変更 (an item the form marks ※), so that the assessment must be performed again and submitted before the
 * change takes effect (事前) — for a 全項目評価書 with a new 住民等の意見聴取 and 第三者点検 — or are corrections that
 * may be submitted afterwards (事後).
 */
package jp.hyoka.domain.rules.reassessment;
