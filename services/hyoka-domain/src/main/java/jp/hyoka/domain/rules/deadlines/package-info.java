/**
 * The deadlines an assessment lives by (DOMAIN.md §3.4, §3.6 "Timers"): the yearly review (努力義務) and the
 * re-assessment before five years have passed since the last (re-)assessment (規則第15条), each with its due date and
 * its status on a given day. Pure rules: what was published when comes in, nothing is read here.
 */
package jp.hyoka.domain.rules.deadlines;
