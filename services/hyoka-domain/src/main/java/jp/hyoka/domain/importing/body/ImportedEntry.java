package jp.hyoka.domain.importing.body;

import java.util.List;
import java.util.Objects;

/** A repeat entry (システムN, 特定個人情報ファイル, 委託事項N …) found in an imported document, at its position. */
public record ImportedEntry(String groupId, List<String> parentEntries, String entryId, int position) {
    public ImportedEntry {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(entryId, "entryId");
        parentEntries = List.copyOf(parentEntries);
    }
}
