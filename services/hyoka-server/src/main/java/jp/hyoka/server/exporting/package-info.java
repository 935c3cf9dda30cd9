/** Exporting assessments to the published tab-separated format and to printable HTML, now or as of a moment. */
package jp.hyoka.server.exporting;
