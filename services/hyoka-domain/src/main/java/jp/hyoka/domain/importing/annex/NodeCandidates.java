package jp.hyoka.domain.importing.annex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of a form a 項目 path may be scored for, found through maps built once per form instead of a test of
 * every item per path. The resolver scores an item where {@link LabelMatch#possible} holds ({@link #byLabel}) and,
 * only when no label is found, where the item is alone in its block or carries the path's item number
 * ({@link #withoutLabel}); each clause of those tests needs something one of these maps finds:
 * <ul>
 *   <li>the path ends with the label's last character: the items by the last character of their label;</li>
 *   <li>the path is the start of the label: the items by the first character of their label;</li>
 *   <li>a bound of 0.8 on the label's similarity inside the path: a label of 8 characters or more that shares a
 *       bigram with the path ({@link LabelSimilarity.Text#touched}), its items by label id;</li>
 *   <li>a quoted part: every item (the test then holds for any label);</li>
 *   <li>the items alone in their block, and the items by their circled number.</li>
 * </ul>
 * So the items found include every item the tests can admit; the resolver still applies {@code possible} itself to
 * each ({@code NodeCandidatesTest} compares the two with a test of every item, on every form with many paths).
 */
final class NodeCandidates {

    private static final int[] NONE = new int[0];

    private final int size;
    private final Map<Character, int[]> byLastChar;
    private final Map<Character, int[]> byFirstChar;
    /** By label id: the items whose label it is, where the label has 8 characters or more; else null. */
    private final int[][] byLongLabel;
    /** Items with a label of 8 characters or more that is not indexed (none in practice: every label is). */
    private final int[] longUnindexed;
    private final int[] alone;
    private final Map<Integer, int[]> byCircled;

    /**
     * @param labelIds    by node index: the id of the node's label in {@code labelCount} indexed labels, or -1
     */
    NodeCandidates(List<ItemNode> nodes, int[] labelIds, int labelCount) {
        size = nodes.size();
        Map<Character, List<Integer>> last = new HashMap<>();
        Map<Character, List<Integer>> first = new HashMap<>();
        Map<Integer, List<Integer>> longLabels = new HashMap<>();
        List<Integer> unindexed = new ArrayList<>();
        List<Integer> single = new ArrayList<>();
        Map<Integer, List<Integer>> circled = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            ItemNode node = nodes.get(i);
            String label = node.label();
            if (!label.isEmpty()) {
                last.computeIfAbsent(label.charAt(label.length() - 1), c -> new ArrayList<>()).add(i);
                first.computeIfAbsent(label.charAt(0), c -> new ArrayList<>()).add(i);
            }
            if (label.length() >= 8) {
                if (labelIds[i] >= 0) {
                    longLabels.computeIfAbsent(labelIds[i], id -> new ArrayList<>()).add(i);
                } else {
                    unindexed.add(i);
                }
            }
            if (node.blockSize() == 1) {
                single.add(i);
            }
            if (node.circled() != null) {
                circled.computeIfAbsent(node.circled(), n -> new ArrayList<>()).add(i);
            }
        }
        byLastChar = arrays(last);
        byFirstChar = arrays(first);
        byLongLabel = new int[labelCount][];
        longLabels.forEach((id, items) -> byLongLabel[id] = array(items));
        longUnindexed = array(unindexed);
        alone = array(single);
        byCircled = arrays(circled);
    }

    /**
     * The indices, ascending, of the items whose label {@link LabelMatch#possible} may admit for the path: every
     * other item's label it rules out.
     */
    int[] byLabel(ParsedPath path, LabelSimilarity.Text compact) {
        if (!path.quoted().isEmpty()) {
            int[] all = new int[size];
            Arrays.setAll(all, i -> i);
            return all;
        }
        boolean[] found = new boolean[size];
        String words = compact.value();
        if (!words.isEmpty()) {
            mark(byLastChar.getOrDefault(words.charAt(words.length() - 1), NONE), found);
        }
        if (words.length() >= 2) {
            mark(byFirstChar.getOrDefault(words.charAt(0), NONE), found);
        }
        for (int id : compact.touched()) {
            if (id < byLongLabel.length && byLongLabel[id] != null) {
                mark(byLongLabel[id], found);
            }
        }
        mark(longUnindexed, found);
        return indices(found);
    }

    /** The indices, ascending, of the items alone in their block or carrying the path's item number. */
    int[] withoutLabel(ParsedPath path) {
        boolean[] found = new boolean[size];
        mark(alone, found);
        if (path.item() != null) {
            mark(byCircled.getOrDefault(path.item(), NONE), found);
        }
        return indices(found);
    }

    private static int[] indices(boolean[] found) {
        int count = 0;
        for (boolean item : found) {
            count += item ? 1 : 0;
        }
        int[] items = new int[count];
        for (int i = 0, at = 0; at < count; i++) {
            if (found[i]) {
                items[at++] = i;
            }
        }
        return items;
    }

    private static void mark(int[] items, boolean[] found) {
        for (int item : items) {
            found[item] = true;
        }
    }

    private static <K> Map<K, int[]> arrays(Map<K, List<Integer>> lists) {
        Map<K, int[]> arrays = new HashMap<>();
        lists.forEach((key, items) -> arrays.put(key, array(items)));
        return arrays;
    }

    private static int[] array(List<Integer> items) {
        return items.stream().mapToInt(Integer::intValue).toArray();
    }
}
