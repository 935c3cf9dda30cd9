package jp.hyoka.domain.rejection;

import java.util.List;

/** The entries named do not exist, or do not address the item's repeating group (システムN, 委託事項N, …). */
public record UnknownRepeatEntry(String groupId, List<String> entryIds) implements Rejection {
    public UnknownRepeatEntry {
        entryIds = List.copyOf(entryIds);
    }

    @Override
    public String code() {
        return "UNKNOWN_REPEAT_ENTRY";
    }

    @Override
    public String message() {
        return "No entry " + String.join("/", entryIds) + " of group '" + groupId + "'"
                + (entryIds.isEmpty() ? "; this item is in a repeating group, name its entries" : "") + ".";
    }
}
