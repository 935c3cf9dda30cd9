package jp.hyoka.domain.assessment;

import java.util.List;
import java.util.Objects;

/** The entries of one repeating group under one parent entry path (empty for top-level groups). */
public record EntryListKey(String groupId, List<String> parentEntries) {
    public EntryListKey {
        Objects.requireNonNull(groupId, "groupId");
        parentEntries = parentEntries == null ? List.of() : List.copyOf(parentEntries);
    }
}
