/**
 * Reading published 評価書 exports (tab-separated rows, HTML cells; DOMAIN.md §7): turning uploaded bytes into text
 * lines, and the parts of a document, without any framework. Problems are reported with line numbers, never
 * silently dropped.
 */
package jp.hyoka.domain.importing;
