package jp.hyoka.domain.form;

import java.util.List;
import java.util.Objects;

/**
 * A numbered sub-heading of a section ("1. 特定個人情報ファイルを取り扱う事務") and its items in print order. A block
 * with a repeat group (システムN, 委託事項N, …) is printed once per entry of that group. {@code headings} are further
 * headings printed under the block's label before its items (全項目 III 4 lists five risk titles over one measure
 * block).
 */
public record Block(String id, String number, String label, String note, String repeat, List<String> headings,
                    List<Item> items) {
    public Block {
        Objects.requireNonNull(id, "id");
        number = number == null ? "" : number;
        label = label == null ? "" : label;
        note = note == null ? "" : note;
        headings = headings == null ? List.of() : List.copyOf(headings);
        items = List.copyOf(items);
    }

    public Block(String id, String number, String label, String note, String repeat, List<Item> items) {
        this(id, number, label, note, repeat, List.of(), items);
    }
}
