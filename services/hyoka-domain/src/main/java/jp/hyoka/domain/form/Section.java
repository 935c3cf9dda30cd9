package jp.hyoka.domain.form;

import java.util.List;
import java.util.Objects;

/** A numbered section of a form (I 基本情報, II 特定個人情報ファイルの概要, …) and its items in print order. */
public record Section(String id, String number, String label, List<Item> items) {
    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        number = number == null ? "" : number;
        items = List.copyOf(items);
    }
}
