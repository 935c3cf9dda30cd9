/**
 * The rules of the field (DOMAIN.md §3): what the 番号法, the 規則 and the 指針 require of a 事務, decided from
 * facts the caller gives. Pure functions: nothing here reads or writes a 評価書.
 */
package jp.hyoka.domain.rules;
