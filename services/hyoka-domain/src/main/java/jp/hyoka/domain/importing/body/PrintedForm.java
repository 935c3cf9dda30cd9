package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.importing.Nfkc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form revision as it is printed, for finding what a row of an exported document names: per section, its items in
 * print order ("slots"), each with the label keys it may be printed as (its label; its heading or block label
 * before it: "④使用の主体 | 使用部署"). Documents print items in form order, so the first matching slot at or after
 * the reading position is the one meant, even when a label ("リスクへの対策は十分か") occurs many times.
 */
final class PrintedForm {

    /**
     * One item as printed: its position within its section, where it stands and the keys it may be printed as
     * ({@code labelKey} of its label, {@code headingKey} of its sub-heading or null).
     */
    record Slot(int index, Section section, Block block, Item item, Set<String> keys, String labelKey,
                String headingKey) {
    }

    /** The keys of a block's label and of its number and label, its number ("3") and its number NFKC. */
    private record BlockKeys(String label, String numberAndLabel, String number, String normalisedNumber) {
        static BlockKeys of(Block block) {
            return new BlockKeys(LabelKey.of(block.label()), LabelKey.of(block.number() + " " + block.label()),
                    numberOf(block.number()), Nfkc.normalize(block.number()).replace(" ", ""));
        }
    }

    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)\\s*\\.");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Shorter labels ("部署", "期間") are words that longer wording holds by chance. */
    private static final int MIN_SPELLED = 4;

    /**
     * The printed forms of the revisions read so far: every import reads against every revision of its kind, and
     * keying the form's labels is the same work each time. One entry per revision (a catalogue holds a handful);
     * an entry is used only for the very same definition object.
     */
    private static final Map<FormRef, PrintedForm> PRINTED = new ConcurrentHashMap<>();

    private final FormDefinition form;
    private final ReadingLayout layout;
    private final Map<String, List<Slot>> slotsBySection = new HashMap<>();
    /** The id of every item of the form ({@code form.items()}, whose ids are one per item). */
    private final Set<String> itemIds = new HashSet<>();
    /** The label key of every item of the form, in any section. */
    private final Set<String> itemLabels = new HashSet<>();
    private final Map<Section, String> sectionKeys = new IdentityHashMap<>();
    private final Map<Section, String> sectionNumbers = new IdentityHashMap<>();
    private final Map<Section, Set<String>> blockHeadings = new IdentityHashMap<>();
    private final Map<Block, BlockKeys> blockKeys = new IdentityHashMap<>();
    private final Map<Block, Section> sectionOfBlock = new IdentityHashMap<>();
    private final Map<Block, Slot> firstOfBlock = new IdentityHashMap<>();
    /** {@link #readsAlike} by the other form (identity: a printed form is made once per definition). */
    private final Map<PrintedForm, Boolean> alike = new ConcurrentHashMap<>();
    /** Each block's index in the section it is first found in, as {@code List.indexOf} finds it (by equality). */
    private final Map<Block, Integer> blockIndexes = new IdentityHashMap<>();
    /**
     * Per other printed form, the slots of this one whose item equals the item at the same slot there
     * ({@link #sameItemAt}); items are records compared field by field, options and help texts included.
     */
    private final Map<PrintedForm, Set<Slot>> sameItems = new ConcurrentHashMap<>();

    /** The printed form of a revision, keyed once per definition. */
    static PrintedForm of(FormDefinition form) {
        PrintedForm cached = PRINTED.get(form.ref());
        if (cached != null && cached.form == form) {
            return cached;
        }
        PrintedForm printed = new PrintedForm(form);
        PRINTED.put(form.ref(), printed);
        return printed;
    }

    private PrintedForm(FormDefinition form) {
        this.form = form;
        this.layout = ReadingLayout.of(form);
        form.items().forEach(item -> itemIds.add(item.id().value()));
        for (Section section : form.sections()) {
            List<Slot> slots = new ArrayList<>();
            Set<String> headings = new HashSet<>();
            for (Block block : section.blocks()) {
                for (Item item : block.items()) {
                    Set<String> keys = new LinkedHashSet<>();
                    String label = LabelKey.of(item.label());
                    keys.add(label);
                    itemLabels.add(label);
                    String headingKey = item.heading() == null ? null : LabelKey.of(item.heading());
                    if (headingKey != null) {
                        keys.add(headingKey + label);
                    }
                    keys.add(LabelKey.of(block.label()) + label);
                    slots.add(new Slot(slots.size(), section, block, item, Set.copyOf(keys), label, headingKey));
                }
                block.headings().forEach(heading -> headings.add(LabelKey.of(heading)));
                blockKeys.put(block, BlockKeys.of(block));
                sectionOfBlock.putIfAbsent(block, form.sections().stream().filter(s -> s.blocks().contains(block))
                        .findFirst().orElseThrow());
            }
            slotsBySection.put(section.id(), List.copyOf(slots));
            sectionKeys.put(section, LabelKey.of(section.label()));
            sectionNumbers.put(section, Nfkc.normalize(section.number()));
            blockHeadings.put(section, Set.copyOf(headings));
        }
        for (Section section : form.sections()) {
            for (Block block : section.blocks()) {
                slots(sectionOf(block)).stream().filter(s -> s.block() == block).findFirst()
                        .ifPresent(slot -> firstOfBlock.put(block, slot));
                blockIndexes.putIfAbsent(block, sectionOf(block).blocks().indexOf(block));
            }
        }
    }

    /**
     * {@code section.blocks().indexOf(block)}, told by identity where the block is this form's and first found in
     * that section (a block heading read compares the blocks of its section, records field by field, to place it).
     */
    int blockIndex(Section section, Block block) {
        Integer index = blockIndexes.get(block);
        return index != null && sectionOfBlock.get(block) == section ? index : section.blocks().indexOf(block);
    }

    /**
     * Whether the item at {@code slot} (of this printed form) equals the item at the same slot of {@code other} (of
     * the same layout): remembered per other form, as every import asks it of the same revisions.
     */
    boolean sameItemAt(Slot slot, PrintedForm other) {
        Set<Slot> same = sameItems.computeIfAbsent(other, this::sameItems);
        return same.contains(slot) || !isOwn(slot) && other.slots(slot.section()).get(slot.index()).item()
                .equals(slot.item());
    }

    private Set<Slot> sameItems(PrintedForm other) {
        Set<Slot> same = Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<Slot> slots : slotsBySection.values()) {
            for (Slot slot : slots) {
                List<Slot> there = other.slotsBySection.getOrDefault(slot.section().id(), List.of());
                if (slot.index() < there.size() && there.get(slot.index()).item().equals(slot.item())) {
                    same.add(slot);
                }
            }
        }
        return same;
    }

    /** Whether a slot is one this printed form made (identity). */
    private boolean isOwn(Slot slot) {
        List<Slot> slots = slotsBySection.get(slot.section().id());
        return slots != null && slot.index() < slots.size() && slots.get(slot.index()) == slot;
    }

    FormDefinition form() {
        return form;
    }

    /** The ids of the form's items. */
    Set<String> itemIds() {
        return itemIds;
    }

    /** What reading rows looks at in this revision: equal layouts read every row alike. */
    ReadingLayout layout() {
        return layout;
    }

    /**
     * Whether rows are read alike against both printed forms: their {@link #layout}s are equal. Remembered per other
     * form (a catalogue holds a handful), since every import asks it of the same revisions.
     */
    boolean readsAlike(PrintedForm other) {
        return other == this || alike.computeIfAbsent(other, o -> o.layout.equals(layout));
    }

    /** The cover: the section printed without a number before the first numbered one. */
    Section cover() {
        return form.sections().stream().filter(s -> s.number().isBlank()).findFirst().orElse(form.sections().get(0));
    }

    List<Slot> slots(Section section) {
        return slotsBySection.getOrDefault(section.id(), List.of());
    }

    int sectionIndex(Section section) {
        return form.sections().indexOf(section);
    }

    /**
     * The section a heading row names: by label, else by its number ("Ⅲ" and "III" alike). {@code key}: the heading's
     * {@link LabelKey}.
     */
    Optional<Section> section(String heading, String key) {
        Optional<Section> byLabel = form.sections().stream()
                .filter(s -> !s.number().isBlank() && sectionKeys.get(s).equals(key)).findFirst();
        if (byLabel.isPresent()) {
            return byLabel;
        }
        String number = SPACES.split(Nfkc.normalize(heading))[0];
        if (heading.strip().length() == number.length()) {
            return Optional.empty();                        // "VPN接続": a word, not a numbered heading
        }
        return form.sections().stream().filter(s -> !s.number().isBlank()
                && sectionNumbers.get(s).equals(number)).findFirst();
    }

    /**
     * The block a numbered heading (of label key {@code key}) names within a section: by label, preferring the same
     * number.
     */
    Optional<Block> block(Section section, String heading, String key) {
        Block first = null;
        String number = null;                               // the heading's, made once a block's label matches
        for (Block block : section.blocks()) {
            BlockKeys keys = keys(block);
            if (keys.label().equals(key) || keys.numberAndLabel().equals(key)) {
                number = number == null ? numberOf(heading) : number;
                if (keys.number().equals(number)) {
                    return Optional.of(block);
                }
                first = first == null ? block : first;
            }
        }
        return Optional.ofNullable(first);
    }

    /** The block "k. リスクN" of a section, for a risk heading under block k (全項目 gives each risk a block). */
    Optional<Block> riskBlock(Section section, Block current, int risk) {
        if (current == null) {
            return Optional.empty();
        }
        String wanted = keys(current).number() + ".リスク";
        String wantedRisk = wanted + risk;
        for (Block block : section.blocks()) {
            String number = keys(block).normalisedNumber();
            if (number.equals(wantedRisk) || (risk == 1 && number.equals(wanted))) {
                return Optional.of(block);
            }
        }
        return Optional.empty();
    }

    /** The repeated block printed for a group (システムN, 委託事項N …) in a section, or anywhere in the form. */
    Optional<Block> repeatBlock(Section section, String groupId) {
        Optional<Block> here = section.blocks().stream().filter(b -> groupId.equals(b.repeat())).findFirst();
        return here.or(() -> form.sections().stream().flatMap(s -> s.blocks().stream())
                .filter(b -> groupId.equals(b.repeat())).findFirst());
    }

    Section sectionOf(Block block) {
        Section section = sectionOfBlock.get(block);
        return section != null ? section
                : form.sections().stream().filter(s -> s.blocks().contains(block)).findFirst().orElseThrow();
    }

    /** The first slot of a block, if it has items. */
    Optional<Slot> first(Block block) {
        return sectionOfBlock.containsKey(block) ? Optional.ofNullable(firstOfBlock.get(block))
                : slots(sectionOf(block)).stream().filter(s -> s.block() == block).findFirst();
    }

    private BlockKeys keys(Block block) {
        BlockKeys keys = blockKeys.get(block);
        return keys != null ? keys : BlockKeys.of(block);
    }

    /**
     * The item of a block named like the block itself ("3. 特定個人情報ファイル名"), whose value follows the heading;
     * {@code key}: the heading's label key.
     */
    Optional<Slot> namedLike(Block block, String key) {
        Section section = sectionOf(block);
        for (Slot slot : slots(section)) {
            if (slot.block() == block && slot.labelKey().equals(key)) {
                return Optional.of(slot);
            }
        }
        return block.items().isEmpty() ? sameEntryItem(section, key) : Optional.empty();
    }

    /**
     * An item printed in another section for the same entry, named by a heading here: 全項目 III "1. 特定個人情報
     * ファイル名" (an item-less block) and 重点 III, which prints the same heading without any block for it.
     * {@code key}: the heading's label key.
     */
    Optional<Slot> sameEntryItem(Section section, String key) {
        for (Section other : form.sections()) {
            if (other == section) {
                continue;
            }
            for (Slot slot : slots(other)) {
                if (slot.labelKey().equals(key) && Objects.equals(slot.item().repeatGroup(), section.repeat())) {
                    return Optional.of(slot);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The slot a label names. Tried in this order: forward from {@code cursor} within the current block, backward
     * within it (a row printed twice), forward in the rest of the section (a block heading lost), backward in the
     * section (a stray row, or the next entry of a section whose heading was lost).
     */
    Optional<Slot> find(Section section, List<String> keys, int cursor, Block current) {
        List<Slot> slots = slots(section);
        int from = Math.max(0, Math.min(cursor, slots.size()));
        Slot found = first(slots, keys, from, slots.size(), false, true, current);
        if (found == null) {
            found = first(slots, keys, 0, from, true, true, current);
        }
        if (found == null) {
            found = first(slots, keys, from, slots.size(), false, false, null);
        }
        if (found == null) {
            found = first(slots, keys, 0, from, true, false, null);
        }
        return Optional.ofNullable(found);
    }

    /**
     * The slot a label names, looked for forward first: from {@code cursor} within the current block, then in the
     * rest of the section, and only then backward (within the block, then the section). For the label of a row whose
     * cells the extraction joined with spaces: a label printed again later in the section is the one ahead (the
     * second "判断の根拠" of 基礎 Ⅳ is Ⅳ 11's, not Ⅳ 8's again), never one the reading has passed.
     */
    Optional<Slot> findAhead(Section section, List<String> keys, int cursor, Block current) {
        List<Slot> slots = slots(section);
        int from = Math.max(0, Math.min(cursor, slots.size()));
        Slot found = first(slots, keys, from, slots.size(), false, true, current);
        if (found == null) {
            found = first(slots, keys, from, slots.size(), false, false, null);
        }
        if (found == null) {
            found = first(slots, keys, 0, from, true, true, current);
        }
        if (found == null) {
            found = first(slots, keys, 0, from, true, false, null);
        }
        return Optional.ofNullable(found);
    }

    /**
     * The first slot of {@code slots[from, to)} (walked backwards when {@code backwards}; only those of block
     * {@code only} when {@code inBlock}, none for a null block) that has a key, trying the keys in turn; null when
     * none has. Index walks, no copies: every label row of a document looks its slot up.
     */
    private static Slot first(List<Slot> slots, List<String> keys, int from, int to, boolean backwards,
                              boolean inBlock, Block only) {
        for (String key : keys) {
            if (key.isEmpty()) {
                continue;
            }
            for (int n = 0; n < to - from; n++) {
                Slot slot = slots.get(backwards ? to - 1 - n : from + n);
                if ((!inBlock || slot.block() == only) && slot.keys().contains(key)) {
                    return slot;
                }
            }
        }
        return null;
    }

    /**
     * The one item of the current block, at or after the reading position, whose label the printed label spells
     * inside longer wording: the official 基礎 form asks "評価対象の事務の対象人数は何人か" for 対象人数 and names the
     * risk in "目的外の入手が行われるリスクへの対策は十分か". Empty when none or several fit, or outside a block.
     */
    Optional<Slot> spelledInside(Section section, String printedKey, int cursor, Block current) {
        if (current == null) {
            return Optional.empty();
        }
        List<Slot> fits = slots(section).stream().filter(s -> s.block() == current && s.index() >= cursor)
                .filter(s -> s.labelKey().length() >= MIN_SPELLED && printedKey.length() > s.labelKey().length()
                        && printedKey.contains(s.labelKey())).toList();
        return fits.size() == 1 ? Optional.of(fits.get(0)) : Optional.empty();
    }

    /** Whether an item anywhere in the form has this label: such a cell is a label, never the rest of a value. */
    boolean labelsAnItem(String labelKey) {
        return itemLabels.contains(labelKey);
    }

    /** Whether a label at or after the reading position starts with this text: a label broken over two lines. */
    boolean startsLabelAhead(Section section, String fragmentKey, int cursor) {
        return fragmentKey.length() >= MIN_SPELLED && slots(section).stream().filter(s -> s.index() >= cursor)
                .anyMatch(s -> s.labelKey().length() > fragmentKey.length() && s.labelKey().startsWith(fragmentKey));
    }

    /**
     * Whether a block of the section prints headings before its items at all: else no row is one of them
     * ({@link #isBlockHeading}), and its key need not be made (most sections have none; every one-cell row is asked).
     */
    boolean hasBlockHeadings(Section section) {
        Set<String> headings = blockHeadings.get(section);
        return headings == null || !headings.isEmpty();
    }

    /**
     * Whether a row (of label key {@code key}) is one of the headings a block of the section prints before its items
     * (全項目 III 4).
     */
    boolean isBlockHeading(Section section, String key) {
        Set<String> headings = blockHeadings.get(section);
        return headings != null ? headings.contains(key)
                : section.blocks().stream().flatMap(b -> b.headings().stream()).anyMatch(h -> LabelKey.of(h).equals(key));
    }

    /**
     * The item under a sub-heading (of label key {@code key}) whose label starts a cell the exporter merged it into
     * ("使用部署 横浜市役所…").
     */
    Optional<Slot> headedItemAtStart(Section section, String key, String cellText, int cursor) {
        return slots(section).stream().filter(s -> s.index() >= cursor - 1)
                .filter(s -> key.equals(s.headingKey()))
                .filter(s -> cellText.startsWith(s.item().label() + " ")).findFirst();
    }

    /**
     * Whether a label (of key {@code key}) is a sub-heading printed over items of the section ("④使用の主体",
     * "再委託").
     */
    Optional<Slot> headed(Section section, String key, int cursor) {
        List<Slot> slots = slots(section);
        for (int i = Math.max(0, cursor - 1); i < slots.size(); i++) {   // a slot's index is its place in the list
            if (key.equals(slots.get(i).headingKey())) {
                return Optional.of(slots.get(i));
            }
        }
        return Optional.empty();
    }

    private static String numberOf(String text) {
        Matcher matcher = LEADING_NUMBER.matcher(Nfkc.normalize(text.strip()));
        return matcher.find() ? matcher.group(1) : "";
    }
}
