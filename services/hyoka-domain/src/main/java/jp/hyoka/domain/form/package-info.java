/**
 * The official forms (様式) as data: kinds, revisions, sections, items, and the typed answers an item accepts.
 * Item ids are stable across revisions; labels and numbering are data of a revision.
 */
package jp.hyoka.domain.form;
