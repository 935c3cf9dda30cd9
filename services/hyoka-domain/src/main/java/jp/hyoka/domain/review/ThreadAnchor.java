package jp.hyoka.domain.review;

import jp.hyoka.domain.form.ItemId;

/**
 * What a thread is about: the whole document (no item), an item, or an item within one entry of its repeating group
 * (システム2 of 2.①). Anchored by stable ids, never by revision, so a thread outlives new versions of the document.
 *
 * @param item  the item, or null for the whole document
 * @param entry the entry id within the item's repeating groups, or null
 */
public record ThreadAnchor(ItemId item, String entry) {

    public ThreadAnchor {
        if (item == null && entry != null) {
            throw new IllegalArgumentException("an entry is named only together with an item");
        }
    }

    public static ThreadAnchor wholeDocument() {
        return new ThreadAnchor(null, null);
    }

    public static ThreadAnchor onItem(ItemId item) {
        return new ThreadAnchor(item, null);
    }

    public boolean coversWholeDocument() {
        return item == null;
    }
}
