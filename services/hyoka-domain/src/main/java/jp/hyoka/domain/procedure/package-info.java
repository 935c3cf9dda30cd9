/**
 * The 評価実施手続 as data (issue 19): which steps each kind of 評価書 takes before 公表, in which order, which are
 * required, and which form items each fills. The definitions come from schema/procedures/procedures.json, read by
 * the server and handed in, as the form catalogue is; this package only models them.
 */
package jp.hyoka.domain.procedure;
