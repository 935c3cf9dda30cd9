package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.ItemId;

import java.util.List;
import java.util.Objects;

/**
 * Where an answer sits: the item, and for items of repeating groups the entry of each enclosing group, outermost
 * first (file entry, then 委託事項 entry). Item ids never contain entry identity; entries are coordinates.
 */
public record AnswerKey(ItemId itemId, List<String> entries) {
    public AnswerKey {
        Objects.requireNonNull(itemId, "itemId");
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static AnswerKey of(ItemId itemId) {
        return new AnswerKey(itemId, List.of());
    }

    /** True if this answer sits inside the entry addressed by {@code path} (a prefix of its entries). */
    boolean isInside(List<String> path) {
        return entries.size() >= path.size() && entries.subList(0, path.size()).equals(path);
    }
}
