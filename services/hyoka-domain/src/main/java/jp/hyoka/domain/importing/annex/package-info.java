/**
 * Reading the 変更箇所 annex (change history) of a published 評価書 export, as groundwork for importing a
 * municipality's existing assessments (DOMAIN.md §4, §7).
 *
 * <p>The annex is the last section of every document: one TAB-separated line per change, with the columns
 * 変更日, 項目, 変更前の記載, 変更後の記載, 提出時期 and 提出時期に係る説明. Real exports are messy (page headers repeated on
 * every printed page, markdown separator rows, fused cells, empty or odd dates), so the parser never rejects a
 * document: it keeps the raw text of every cell, adds its best interpretation, and reports everything it could not
 * read cleanly as a {@link jp.hyoka.domain.importing.annex.ParseWarning} with the source line number, for an author
 * to fix in the UI.
 */
package jp.hyoka.domain.importing.annex;
