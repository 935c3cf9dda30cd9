/**
 * The public version (issue 19): items an editor marks 非公表 (規則第13条) and the last published version as residents
 * and the 委員会 may read it, without a municipal role (publicAssessment, also on the anonymous /graphql/public).
 */
package jp.hyoka.server.publicview;
