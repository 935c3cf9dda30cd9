/**
 * Exporting assessments to the published tab-separated format, to printable HTML and to its PDF, now or as of a
 * moment.
 */
package jp.hyoka.server.exporting;
