package jp.hyoka.domain.form;

import java.util.List;
import java.util.Objects;

/**
 * A numbered section of a form (I 基本情報, II 特定個人情報ファイルの概要, …) and its blocks in print order. A section
 * with a repeat group is printed once per entry (II and III repeat per 特定個人情報ファイル).
 */
public record Section(String id, String number, String label, String note, String repeat, List<Block> blocks) {
    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        number = number == null ? "" : number;
        note = note == null ? "" : note;
        blocks = List.copyOf(blocks);
    }

    /** A section without repetition and with one unnamed block: the shape of simple forms and tests. */
    public static Section of(String id, String number, String label, List<Item> items) {
        return new Section(id, number, label, "", null, List.of(new Block(id, "", "", "", null, items)));
    }

    public List<Item> items() {
        return blocks.stream().flatMap(block -> block.items().stream()).toList();
    }
}
