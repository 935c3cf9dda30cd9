package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What is still unanswered, per section, block and repeat entry, and which repeating groups have fewer entries
 * than the form requires (e.g. no システム yet, where the form asks for 1..20). Computed from the document alone.
 */
public final class Completeness {

    /**
     * One place with work left: the unanswered items of a block in one repeat entry (entries outermost first), or a
     * group under one parent entry that has {@code entryCount} of at least {@code minimum} entries.
     */
    public record Gap(String sectionId, String blockId, List<String> entries, List<ItemId> unansweredItems,
                      String groupId, int entryCount, int minimum) {
        public Gap {
            entries = List.copyOf(entries);
            unansweredItems = List.copyOf(unansweredItems);
        }
    }

    private Completeness() {
    }

    public static List<Gap> gaps(FormDefinition form, Set<AnswerKey> answered,
                                 Function<EntryListKey, List<String>> entries) {
        List<Gap> gaps = new ArrayList<>();
        for (Section section : form.sections()) {
            if (section.repeat() != null) {
                missingEntries(form, section.id(), null, section.repeat(), entries, gaps);
            }
            for (Block block : section.blocks()) {
                String group = block.repeat() != null ? block.repeat() : section.repeat();
                if (block.repeat() != null) {
                    missingEntries(form, section.id(), block.id(), block.repeat(), entries, gaps);
                }
                for (List<String> path : paths(form, group, entries)) {
                    List<ItemId> unanswered = block.items().stream().map(Item::id)
                            .filter(id -> !answered.contains(new AnswerKey(id, path))).toList();
                    if (!unanswered.isEmpty()) {
                        gaps.add(new Gap(section.id(), block.id(), path, unanswered, null, 0, 0));
                    }
                }
            }
        }
        return gaps;
    }

    private static void missingEntries(FormDefinition form, String sectionId, String blockId, String groupId,
                                       Function<EntryListKey, List<String>> entries, List<Gap> gaps) {
        RepeatGroup group = form.group(groupId).orElseThrow();
        List<String> chain = form.chain(groupId);
        for (List<String> parent : paths(form, chain.size() > 1 ? chain.get(chain.size() - 2) : null, entries)) {
            int count = entries.apply(new EntryListKey(groupId, parent)).size();
            if (count < group.min()) {
                gaps.add(new Gap(sectionId, blockId, parent, List.of(), groupId, count, group.min()));
            }
        }
    }

    /** Every entry path of a group (one per existing entry, parents first); a single empty path for no group. */
    public static List<List<String>> paths(FormDefinition form, String groupId,
                                           Function<EntryListKey, List<String>> entries) {
        List<List<String>> paths = List.of(List.of());
        for (String group : form.chain(groupId)) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> parent : paths) {
                for (String entry : entries.apply(new EntryListKey(group, parent))) {
                    List<String> path = new ArrayList<>(parent);
                    path.add(entry);
                    next.add(List.copyOf(path));
                }
            }
            paths = next;
        }
        return paths;
    }
}
