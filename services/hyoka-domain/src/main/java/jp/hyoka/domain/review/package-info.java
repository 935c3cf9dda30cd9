/**
 * Review threads (指摘・コメント): reviewers and editors discuss an item, an entry or the whole 評価書 in threads of
 * comments they resolve and reopen. A thread is an aggregate of its own, next to the assessment, so that talking
 * about a document never changes the document, its revision or its 変更箇所.
 */
package jp.hyoka.domain.review;
