package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;

import java.util.ArrayList;
import java.util.List;
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
                if (block.repeat() != null) {
                    missingEntries(form, section.id(), block.id(), block.repeat(), entries, gaps);
                }
            }
            for (Placed placed : printOrder(form, section, entries)) {
                List<ItemId> unanswered = placed.block().items().stream().map(Item::id)
                        .filter(id -> !answered.contains(new AnswerKey(id, placed.entries()))).toList();
                if (!unanswered.isEmpty()) {
                    gaps.add(new Gap(section.id(), placed.block().id(), placed.entries(), unanswered, null, 0, 0));
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

    /** A block as printed once: in the entries it is printed for (outermost first; empty outside groups). */
    public record Placed(Block block, List<String> entries) {
    }

    /**
     * A section's blocks in the order the document prints them: for a section repeated per entry (II and III per
     * ファイル), all its blocks for the first entry, then all for the second; within that, a repeated block
     * (委託事項N) once per entry of its group under the section's entry.
     */
    public static List<Placed> printOrder(FormDefinition form, Section section,
                                          Function<EntryListKey, List<String>> entries) {
        List<Placed> placed = new ArrayList<>();
        for (List<String> sectionPath : paths(form, section.repeat(), entries)) {
            for (Block block : section.blocks()) {
                if (block.repeat() == null || block.repeat().equals(section.repeat())) {
                    placed.add(new Placed(block, sectionPath));
                    continue;
                }
                for (List<String> path : paths(form, block.repeat(), entries)) {
                    if (path.subList(0, sectionPath.size()).equals(sectionPath)) {
                        placed.add(new Placed(block, path));
                    }
                }
            }
        }
        return placed;
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
