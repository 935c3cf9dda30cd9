package jp.hyoka.server.assessment;

import java.util.List;

/** One entry of a repeating group as the read model holds it; position is 0-based within its group and parent. */
public record EntryView(String entryId, String groupId, List<String> parentEntries, int position) {
}
