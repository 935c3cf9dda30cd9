package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;

import java.util.List;

/**
 * Everything of a form revision that reading a body's rows looks at ({@link BodyReader}, {@link PrintedForm},
 * {@link EntryTracker}): the repeat groups, and per section, block and item their ids, numbers, labels, headings,
 * repeat groups and item types. Not the options, limits, help or notes, which only the reading of values
 * ({@link ValueReader}) looks at. Two revisions with equal layouts read every row of a document alike (revisions of a
 * kind mostly differ in option lists: 4情報 and 5情報), so the rows are read once for both.
 */
record ReadingLayout(List<RepeatGroup> groups, List<SectionLayout> sections) {

    record SectionLayout(String id, String number, String label, String repeat, List<BlockLayout> blocks) {
    }

    record BlockLayout(String id, String number, String label, String repeat, List<String> headings,
                       List<ItemLayout> items) {
    }

    record ItemLayout(ItemId id, String label, String heading, ItemType type, String repeatGroup) {
    }

    static ReadingLayout of(FormDefinition form) {
        return new ReadingLayout(List.copyOf(form.repeatGroups()), form.sections().stream().map(ReadingLayout::section)
                .toList());
    }

    private static SectionLayout section(Section section) {
        return new SectionLayout(section.id(), section.number(), section.label(), section.repeat(),
                section.blocks().stream().map(ReadingLayout::block).toList());
    }

    private static BlockLayout block(Block block) {
        return new BlockLayout(block.id(), block.number(), block.label(), block.repeat(), block.headings(),
                block.items().stream().map(ReadingLayout::item).toList());
    }

    private static ItemLayout item(Item item) {
        return new ItemLayout(item.id(), item.label(), item.heading(), item.type(), item.repeatGroup());
    }
}
