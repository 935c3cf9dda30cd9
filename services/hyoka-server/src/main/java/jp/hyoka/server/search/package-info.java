/**
 * Search (issue 20): substrings of the caller's municipality's affair names and answers, Japanese included, ranked,
 * with the matching item and a highlighted excerpt. Owns no table: a trigram index and a text column on the host's
 * rm_answer (migration V17), written with every answer by the definition queries use (the domain's SearchText, V26),
 * so whatever changes an answer — an edit, a migration, a redaction, a rebuild — changes what is found. A feature: uses the host (assessments, entries), the form catalogue and the
 * kernel. See README.md beside this file.
 */
package jp.hyoka.server.search;
