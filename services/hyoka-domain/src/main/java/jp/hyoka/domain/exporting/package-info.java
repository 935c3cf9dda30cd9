/**
 * Exports of one 評価書 as it stands: the tab-separated text the published documents use (so that a Hyoka import of
 * the export reads back the same answers and the same 変更箇所 rows) and a printable, self-contained HTML page close
 * to the official layout. Pure functions of the form revision, the document state and its past changes.
 */
package jp.hyoka.domain.exporting;
