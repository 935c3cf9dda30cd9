package jp.hyoka.domain.assessment;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 項目 of a 変更箇所 row as the published annexes write it (DOMAIN.md §4.4, style "section block item"), with the
 * repeat entries it sits in: "II 特定個人情報ファイルの概要 (特定個人情報ファイル2) 3. 特定個人情報の入手・使用 ⑤使用方法".
 */
public final class ItemPath {

    private ItemPath() {
    }

    /**
     * @param entryLists the entries of each group, to number the item's entries (システム2); an entry no longer
     *                   listed is named without its number
     */
    public static String of(FormDefinition form, Item item, List<String> entries,
                            Map<EntryListKey, List<String>> entryLists) {
        List<String> parts = new ArrayList<>();
        List<String> groups = item.repeatGroup() == null ? List.of() : form.chain(item.repeatGroup());
        for (Section section : form.sections()) {
            for (Block block : section.blocks()) {
                if (block.items().contains(item)) {
                    parts.add(join(section.number(), " ", section.label()));
                    parts.add(join(block.number(), " ", block.label()));
                }
            }
        }
        for (int i = 0; i < groups.size() && i < entries.size(); i++) {
            parts.add("(" + entryLabel(form, groups.get(i), entries.subList(0, i), entries.get(i), entryLists) + ")");
        }
        parts.add(join(circled(item.number()), "", item.label()));
        return String.join(" ", parts.stream().filter(part -> !part.isBlank()).toList());
    }

    private static String entryLabel(FormDefinition form, String groupId, List<String> parent, String entryId,
                                     Map<EntryListKey, List<String>> entryLists) {
        String label = form.group(groupId).map(RepeatGroup::label).orElse(groupId);
        int position = entryLists.getOrDefault(new EntryListKey(groupId, parent), List.of()).indexOf(entryId);
        return position < 0 ? label : label + (position + 1);
    }

    /** "II 3 ⑤" → "⑤": the last part of the item number, as the label's prefix. */
    private static String circled(String number) {
        String[] parts = number.strip().split("\\s+");
        String last = parts[parts.length - 1];
        return last.codePoints().allMatch(c -> c >= '①' && c <= '⑳') ? last : "";
    }

    private static String join(String number, String separator, String label) {
        return number.isBlank() ? label.strip() : label.isBlank() ? number.strip() : number.strip() + separator + label.strip();
    }
}
