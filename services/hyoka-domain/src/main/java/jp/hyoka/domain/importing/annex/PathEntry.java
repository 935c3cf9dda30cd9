package jp.hyoka.domain.importing.annex;

import java.util.Objects;

/**
 * A repeat entry a 項目 path names: システム4 ({@code system}, 4), 委託事項2 ({@code file.consignment}, 2), 移転先1,
 * 提供先1~3 (a range), or a 特定個人情報ファイル by number and/or name ("(1. 資格管理ファイル~6. 滞納整理ファイル)").
 *
 * @param group the repeat group id of the form ({@code system}, {@code file}, {@code file.transfer} …)
 * @param from  the first 1-based entry number, 0 when the path gives only a name
 * @param to    the last entry number of a range; equal to {@code from} for one entry
 * @param name  the entry's name as written (file names), empty when the path gives none
 */
public record PathEntry(String group, int from, int to, String name) {

    public PathEntry {
        Objects.requireNonNull(group, "group");
        name = name == null ? "" : name;
    }

    public boolean range() {
        return to != from;
    }
}
