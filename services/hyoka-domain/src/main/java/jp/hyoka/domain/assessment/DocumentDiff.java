package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Item by item, what differs between two states of a document, in the order the form prints the items (and, within
 * an item, its entries in document order). Only net differences count: an answer changed and changed back is no
 * difference, which is what both a diff between versions and the changes of a publication need.
 */
public final class DocumentDiff {

    private DocumentDiff() {
    }

    public static List<ItemDifference> between(FormDefinition form, Assessment before, Assessment after) {
        return between(form, before.answers(), before.entries(), after.answers(), after.entries());
    }

    public static List<ItemDifference> between(FormDefinition form,
                                               Map<AnswerKey, Answer> beforeAnswers,
                                               Map<EntryListKey, List<String>> beforeEntries,
                                               Map<AnswerKey, Answer> afterAnswers,
                                               Map<EntryListKey, List<String>> afterEntries) {
        Set<AnswerKey> keys = new HashSet<>(beforeAnswers.keySet());
        keys.addAll(afterAnswers.keySet());
        List<Item> order = form.items();
        List<ItemDifference> differences = new ArrayList<>();
        for (AnswerKey key : keys) {
            Answer before = beforeAnswers.get(key);
            Answer after = afterAnswers.get(key);
            if (Objects.equals(before, after)) {
                continue;
            }
            // an answer to an item this form does not have cannot be shown (a migration maps or drops those)
            Item item = form.item(key.itemId()).orElse(null);
            if (item == null) {
                continue;
            }
            Map<EntryListKey, List<String>> lists = after == null ? beforeEntries : afterEntries;
            differences.add(new ItemDifference(item, key.entries(), ItemPath.of(form, item, key.entries(), lists),
                    before, after));
        }
        differences.sort(Comparator.<ItemDifference>comparingInt(d -> order.indexOf(d.item()))
                .thenComparing(d -> positions(d, afterEntries, beforeEntries), DocumentDiff::compareLists));
        return differences;
    }

    /** The 1-based positions of the difference's entries, so that システム2 comes before システム10. */
    private static List<Integer> positions(ItemDifference difference, Map<EntryListKey, List<String>> after,
                                           Map<EntryListKey, List<String>> before) {
        List<Integer> positions = new ArrayList<>();
        List<String> entries = difference.entries();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            List<String> parent = entries.subList(0, i);
            int position = indexIn(after, parent, entry);
            positions.add(position >= 0 ? position : 1_000 + Math.max(indexIn(before, parent, entry), 0));
        }
        return positions;
    }

    private static int indexIn(Map<EntryListKey, List<String>> lists, List<String> parent, String entry) {
        for (Map.Entry<EntryListKey, List<String>> list : lists.entrySet()) {
            if (list.getKey().parentEntries().equals(parent) && list.getValue().contains(entry)) {
                return list.getValue().indexOf(entry);
            }
        }
        return -1;
    }

    private static int compareLists(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int compared = Integer.compare(a.get(i), b.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
