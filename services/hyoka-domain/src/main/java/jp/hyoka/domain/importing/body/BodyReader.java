package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.ItemType;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.importing.ImportProblem;
import jp.hyoka.domain.importing.body.BodyCells.Cell;
import jp.hyoka.domain.importing.body.PrintedForm.Slot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the body of an exported 評価書 (after the title and the 項目一覧, up to the 変更箇所 annex) against one form
 * revision, row by row, keeping where it is: section, block, repeat entries and the print position. Each row is a
 * heading (section, "N. block", "システムN", "リスクN："), an item's label with its value, or the continuation of
 * the previous value (cells split over lines, options on the next row, a value printed under its label).
 * Whatever names no item is kept as {@link UnmappedContent} with a warning; nothing is dropped silently.
 */
final class BodyReader {

    /** An item being read: its value may continue on the following rows. */
    private static final class Pending {
        final Slot slot;
        final List<String> entries;
        final int line;
        final String label;
        final List<String> parts = new ArrayList<>();
        /** The rows this value was read from: if the value is refused, none of them counts as mapped. */
        final Set<Integer> lines = new HashSet<>();

        Pending(Slot slot, List<String> entries, int line, String label, String firstPart) {
            this.slot = slot;
            this.entries = entries;
            this.line = line;
            this.label = label;
            lines.add(line);
            if (!firstPart.isBlank()) {
                parts.add(firstPart);
            }
        }

        String raw(boolean paragraphs) {
            if (parts.size() == 1) {
                return parts.get(0);                        // what either join gives, without a copy
            }
            if (paragraphs && parts.size() > 1) {
                StringBuilder joined = new StringBuilder();
                for (String part : parts) {
                    joined.append("<p>").append(part).append("</p>");
                }
                return joined.toString();
            }
            return String.join(" ", parts);
        }
    }

    static final String UNKNOWN_OPTION = "UNKNOWN_OPTION";
    /** Full-width spaces, or two or more spaces: where an extraction put spaces for a TAB. */
    private static final Pattern GAP = Pattern.compile("\u3000+|[ \u3000]{2,}");
    /** Opening and closing tags of the elements a cell's value is made of. */
    private static final Pattern BLOCK_TAG = Pattern.compile("<(/?)(?:p|ul|ol|li|table|tr|td|div)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    /** A list's own tags: the exporter never closes {@code <ul>}, so a list left open says nothing of the value. */
    private static final Pattern LIST_TAG = Pattern.compile("</?[uo]l\\b", Pattern.CASE_INSENSITIVE);

    /** A warning of the rows; one that names the form revision gets its reference when the result is made. */
    private record Warning(String code, int line, String message, boolean namesRevision) {
    }

    private final PrintedForm printed;
    /** The keys of this import's document text, shared by the readers of one import only. */
    private final LabelKeys keys;
    private final EntryTracker entries;
    private final List<UnmappedContent> unmapped = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private final Map<ValueKey, Pending> values = new LinkedHashMap<>();
    /** {@link BodyCells#isLabelCell} of the cells asked, each once: a row's cells are asked by several steps. */
    private final Map<Cell, Boolean> labelCells = new IdentityHashMap<>();
    private final Map<String, Integer> occurrences = new HashMap<>();
    private List<Slot> header = List.of();
    private Section section;
    private Block block;
    private int cursor;
    private Pending last;
    private Pending awaiting;
    private int awaitingLine;
    private int lastLine;
    private boolean annexSection;
    /** Whether the row being read is one whose label and value {@link #spacedCells} split at spaces. */
    private boolean spacedRow;
    /** The start of a label broken over two lines, waiting for its end on the next row (null: none). */
    private Cell brokenLabel;
    private int brokenLabelLine;
    private int rowsRead;
    private final Set<Integer> mappedLines = new HashSet<>();
    /** Entries a row kept aside was read in: they hold content even when no value of theirs is taken. */
    private final Set<String> entriesKeptAside = new HashSet<>();
    /** The ids of the items a row was read into ({@link #itemsNotPrinted}); null until asked, again after a read. */
    private Set<String> printedItems;

    BodyReader(FormDefinition form, Supplier<String> newEntryId, LabelKeys keys) {
        this.printed = PrintedForm.of(form);
        this.keys = keys;
        this.entries = new EntryTracker(form, newEntryId);
        this.section = printed.cover();
    }

    /**
     * Reads lines {@code from} (1-based, inclusive) up to {@code to} (exclusive) of the rows' cells, or up to a
     * "(別添N) 変更箇所" heading among them: the 変更箇所 annex, even without its column header row (a truncated annex,
     * which {@code ChangeAnnexParser.locate} does not find), ends the body.
     */
    BodyReader read(BodyCells.Rows rows, int from, int to) {
        printedItems = null;
        for (int line = from; line < to; line++) {
            List<Cell> cells = rows.line(line);
            if (!cells.isEmpty() && BodyCells.isChangeAnnexHeading(cells.get(0).text())) {
                break;
            }
            if (cells.isEmpty() || BodyCells.isRule(cells) || rows.isPageMark(line)) {
                continue;
            }
            rowsRead++;
            if (row(line, cells)) {
                mappedLines.add(line);
            }
            lastLine = line;
        }
        keepBrokenLabel();
        return this;
    }

    /**
     * Whether the rows this reader read would be read alike against {@code revision}: its {@link ReadingLayout} is
     * this one's. Then {@link #result} for it gives what reading them again would give.
     */
    boolean readsAlike(FormDefinition revision) {
        return printed.readsAlike(PrintedForm.of(revision));
    }

    /** The revision this reader reads the rows against. */
    FormDefinition form() {
        return printed.form();
    }

    /**
     * The ids the entries read so far get under {@code revision} (of the same layout, {@link #readsAlike}): drawn
     * anew from {@code newEntryId} in the order reading the rows again would draw them, or for this reader's own
     * revision the ids as they are (none drawn). Old id → new id.
     */
    Map<String, String> entryIds(FormDefinition revision, Supplier<String> newEntryId) {
        boolean same = revision == printed.form();
        Map<String, String> ids = new HashMap<>();
        for (ImportedEntry entry : created()) {
            ids.put(entry.entryId(), same ? entry.entryId() : newEntryId.get());
        }
        return ids;
    }

    /**
     * The values read so far, each read against its item in {@code revision} (of the same layout), in reading order.
     * Given {@code own}, this reader's own revision's reads, a value whose item is equal in both is not read again:
     * revisions of a kind differ in a few items' options only.
     */
    List<ValueReader.Read> values(FormDefinition revision, ValueReader reader, List<ValueReader.Read> own) {
        PrintedForm target = PrintedForm.of(revision);
        List<ValueReader.Read> reads = new ArrayList<>(values.size());
        for (Pending pending : values.values()) {
            Item item = target.slots(pending.slot.section()).get(pending.slot.index()).item();
            reads.add(own != null && printed.sameItemAt(pending.slot, target) ? own.get(reads.size())
                    : reader.read(item, pending.raw(annexSection(pending.slot.section()))));
        }
        return reads;
    }

    /**
     * How badly the revision whose {@link #values} these are fits: unmapped rows weigh most (rows kept aside, and
     * values refused), options the revision does not have break ties. What {@code DocumentBodyImport} compares
     * the {@link #result}s by, told without making them.
     */
    int misfit(List<ValueReader.Read> reads) {
        int unmappedRows = unmapped.size();
        int unknownOptions = (int) warnings.stream().filter(w -> w.code().equals(UNKNOWN_OPTION)).count();
        for (ValueReader.Read read : reads) {
            if (read instanceof ValueReader.Refused) {
                unmappedRows++;
            } else if (read instanceof ValueReader.Accepted accepted && !accepted.unknownOptions().isEmpty()) {
                unknownOptions++;
            }
        }
        return unmappedRows * 100 + unknownOptions;
    }

    /**
     * How many of {@code revision}'s items no row of the document was printed for (no label read into them, with or
     * without a value): what that revision asks which the document's form did not. Breaks a tie of {@link #misfit}
     * between a revision and a later one that only adds items (基礎 2025's second verdicts): a document printed on
     * the earlier form fits both without a row left over, and is of the one that prints all it asks.
     */
    int itemsNotPrinted(FormDefinition revision) {
        if (printedItems == null) {                         // the same for every revision asked: made once
            printedItems = new HashSet<>();
            for (Pending pending : values.values()) {
                printedItems.add(pending.slot.item().id().value());
            }
        }
        Set<String> asked = PrintedForm.of(revision).itemIds();     // its items' ids, one per item
        int printedAndAsked = 0;
        for (String id : printedItems) {
            printedAndAsked += asked.contains(id) ? 1 : 0;
        }
        return asked.size() - printedAndAsked;
    }

    private List<ImportedEntry> created() {
        return entries.created();
    }

    /**
     * The document read as if against {@code revision} (of the same layout, {@link #readsAlike}), with {@code reads}
     * its {@link #values} and {@code ids} its {@link #entryIds}: the same values at the same slots of that revision,
     * the same rows kept aside and warnings, the entries with those ids, and the warnings that name a revision naming
     * that one. Made from this reader's rows as they are (a copy of them per revision was a twentieth of the body's
     * cost). Once: rows whose value is refused are kept aside here.
     */
    ImportedDocument result(List<ValueReader.Read> reads, FormDefinition revision, Map<String, String> ids) {
        PrintedForm target = PrintedForm.of(revision);
        boolean own = revision == printed.form();
        FormRef ref = target.form().ref();
        List<ImportedEntry> entriesRead = own ? created() : created().stream().map(entry -> new ImportedEntry(
                entry.groupId(), mapped(entry.parentEntries(), ids), ids.get(entry.entryId()), entry.position()))
                .toList();
        List<ImportedAnswer> answers = new ArrayList<>();
        Set<String> holding = new HashSet<>();
        entriesKeptAside.forEach(entry -> holding.add(own ? entry : ids.get(entry)));
        int index = 0;
        for (Pending pending : values.values()) {
            ValueReader.Read read = reads.get(index++);
            Slot slot = own ? pending.slot : target.slots(pending.slot.section()).get(pending.slot.index());
            List<String> entryPath = own ? pending.entries : mapped(pending.entries, ids);
            if (!(read instanceof ValueReader.Blank)) {
                holding.addAll(entryPath);                  // a refused value is content too: its row names the entry
            }
            if (read instanceof ValueReader.Accepted accepted) {
                answers.add(new ImportedAnswer(slot.item().id(), entryPath, accepted.answer(), pending.line));
                if (!accepted.unknownOptions().isEmpty()) {
                    warn(UNKNOWN_OPTION, pending.line, "options printed for " + slot.item().id().value()
                            + " that " + ref + " does not have: " + String.join(", ", accepted.unknownOptions()));
                }
            } else if (read instanceof ValueReader.Refused refused) {
                // Not keep(): the reader is past the document's end, in no entry; the value's own are in holding.
                String item = slot.item().id().value();
                String raw = pending.raw(annexSection(target, slot.section()));
                unmapped.add(new UnmappedContent(pending.line, BodyCells.text(pending.label), BodyCells.text(raw),
                        UnmappedContent.INVALID_VALUE, item));
                warn(UnmappedContent.INVALID_VALUE, pending.line, "value of " + item + " not taken: "
                        + refused.message());
                mappedLines.removeAll(pending.lines);
            }                                               // Blank: the document left the item empty
        }
        List<ImportProblem> problems = warnings.stream().map(w -> new ImportProblem(w.code(), w.line(),
                w.namesRevision() ? w.message() + " in " + ref : w.message())).toList();
        return new ImportedDocument(ref, withContent(entriesRead, holding), answers, unmapped, problems,
                rowsRead, mappedLines.size());
    }

    private static List<String> mapped(List<String> entryIds, Map<String, String> ids) {
        return entryIds.stream().map(ids::get).toList();
    }

    /**
     * The entries that hold content — a value, taken or refused, or a row kept aside inside their block: a block
     * printed with its labels and no value at all (the form prints "提供先1" with empty ①–⑦ when nothing is
     * provided) is no entry, and neither is any later one of its list that holds none. An entry whose only values
     * were refused stays, so that what was kept aside from it names an entry that is there.
     * An empty entry before one that holds a value is kept, so that the entries after it keep their numbers
     * (移転先5 stays the fifth: the 変更箇所 names entries by number).
     */
    private static List<ImportedEntry> withContent(List<ImportedEntry> entries, Set<String> holding) {
        Map<String, Integer> lastAnswered = new HashMap<>();
        for (ImportedEntry entry : entries) {
            if (holding.contains(entry.entryId())) {
                lastAnswered.merge(list(entry), entry.position(), Math::max);
            }
        }
        return entries.stream().filter(entry -> entry.position() <= lastAnswered.getOrDefault(list(entry), -1))
                .toList();
    }

    private static String list(ImportedEntry entry) {
        return entry.groupId() + "@" + String.join("/", entry.parentEntries());
    }

    /** One row; true when it was understood (a heading, a label, or a continuation). */
    private boolean row(int line, List<Cell> printedCells) {
        List<Cell> cells = printedCells;
        String first = cells.get(0).text();
        spacedRow = false;
        if (annexSection && !isSectionHeading(first)) {
            boolean labelled = last != null && keys.of(first).equals(last.slot.labelKey());
            if (labelled && cells.size() == 1) {
                return true;                                // the item's own label row, as Hyoka's export prints it
            }
            return continueValue(line, labelled ? cells.subList(1, cells.size()) : cells);
        }
        if (brokenLabel != null) {
            Optional<Boolean> completed = completeBrokenLabel(line, cells);
            if (completed.isPresent()) {
                return completed.get();
            }
        }
        Optional<List<Cell>> spaced = spacedCells(cells);
        if (spaced.isPresent()) {
            cells = spaced.get();
            first = cells.get(0).text();
        }
        spacedRow = spaced.isPresent();
        if (isSectionHeading(first) && cells.size() == 1) {
            return enterSection(line, printed.section(first, keys.of(first)).orElseThrow());
        }
        if (BodyCells.startsWithOneOf(first, BodyCells.REPEAT_STARTS)) {
            Matcher repeat = BodyCells.REPEAT.matcher(first);
            if (repeat.matches()) {
                return repeatHeading(line, repeat, cells);
            }
        }
        if (cells.size() == 1 && BodyCells.startsWithOneOf(first, BodyCells.RISK_STARTS)) {
            Matcher risk = BodyCells.RISK.matcher(first);
            if (risk.find()) {
                return riskHeading(risk.group(1).isEmpty() ? 1 : Integer.parseInt(risk.group(1)));
            }
        }
        if (BodyCells.isBlockNumber(first)) {
            String heading = BodyCells.inlineLabel(first);
            String headingKey = keys.of(heading);
            Optional<Block> named = printed.block(section, heading, headingKey);
            String value = (BodyCells.inlineValue(cells.get(0)) + " " + joinRaw(cells.subList(1, cells.size()))).strip();
            if (named.isPresent()) {
                return enterBlock(line, named.get(), heading, value);
            }
            Optional<Slot> elsewhere = printed.sameEntryItem(section, headingKey);
            if (elsewhere.isPresent()) {
                return answer(line, elsewhere.get(), heading, value);
            }
        }
        if (cells.size() == 1 && printed.hasBlockHeadings(section)
                && printed.isBlockHeading(section, keys.of(first))) {
            return true;                                    // the risk titles listed under 全項目 III 4
        }
        if (tableHeader(line, cells)) {
            return true;
        }
        if (!header.isEmpty()) {
            return tableRow(line, cells);
        }
        return labelRow(line, cells);
    }

    private boolean isSectionHeading(String text) {
        return (BodyCells.isSectionNumber(text) || BodyCells.isAnnexNumber(text))
                && printed.section(text, keys.of(text)).isPresent();
    }

    /**
     * A section printed once per entry (II and III per 特定個人情報ファイル) is read into the entry of the same rank
     * as its occurrence: the second "II" is the second file. Documents print either II, III per file or all II
     * before all III; counting occurrences reads both.
     */
    private boolean enterSection(int line, Section next) {
        section = next;
        block = null;
        cursor = 0;
        last = null;
        annexSection = annexSection(next);
        if (next.repeat() != null) {
            nextOccurrence(line, next);
        }
        if (annexSection) {
            Slot only = printed.slots(next).get(0);
            answer(line, only, next.label(), "");
        }
        return true;
    }

    private void nextOccurrence(int line, Section repeated) {
        int occurrence = occurrences.merge(repeated.id(), 1, Integer::sum);
        if (entries.select(repeated.repeat(), occurrence).isEmpty()) {
            warn(UnmappedContent.REPEAT_LIMIT, line, "more " + groupLabel(repeated.repeat()) + " than the form allows");
        }
    }

    /** (別添) sections with one rich-text item take every row up to the next section as its paragraphs. */
    private boolean annexSection(Section candidate) {
        return annexSection(printed, candidate);
    }

    private static boolean annexSection(PrintedForm printed, Section candidate) {
        List<Slot> slots = printed.slots(candidate);
        return BodyCells.isAnnexNumber(candidate.number()) && slots.size() == 1
                && slots.get(0).item().type().answerType() == ItemType.RICH_TEXT;
    }

    private boolean enterBlock(int line, Block next, String heading, String value) {
        int from = block == null ? -1 : printed.blockIndex(section, block);
        int to = printed.blockIndex(section, next);
        if (section.repeat() != null && from >= 0 && to < from && next.repeat() == null) {
            // a section heading lost in the export (DOMAIN §7.7): its blocks start over for the next entry
            warn("SECTION_HEADING_MISSING", line, "\"" + heading + "\" starts over " + section.number()
                    + " without its heading: read as the next " + groupLabel(section.repeat()));
            nextOccurrence(line, section);
        }
        block = next;
        last = null;
        printed.first(next).ifPresent(slot -> cursor = slot.index());
        Optional<Slot> target = printed.namedLike(next, keys.of(heading))
                .or(() -> value.isBlank() ? Optional.empty() : printed.first(next)
                        .filter(slot -> slot.item().type() == ItemType.SINGLE_CHOICE
                                || slot.item().type() == ItemType.MULTIPLE_CHOICE));
        if (target.isPresent()) {
            return answer(line, target.get(), heading, value);
        }
        if (!value.isBlank()) {
            keep(line, heading, value, UnmappedContent.UNKNOWN_LABEL, null,
                    "a value beside block heading \"" + heading + "\" names no item");
            return false;
        }
        return true;
    }

    private boolean repeatHeading(int line, Matcher repeat, List<Cell> cells) {
        if (repeat.group(3) != null) {
            return true;                                    // "システム2～5": a layout heading over several entries
        }
        Optional<RepeatGroup> group = printed.form().repeatGroups().stream()
                .filter(g -> g.label().equals(repeat.group(1))).findFirst();
        if (group.isEmpty()) {
            return labelRow(line, cells);
        }
        Optional<Block> repeated = printed.repeatBlock(section, group.get().id());
        if (repeated.isEmpty()) {
            return labelRow(line, cells);
        }
        int number = Integer.parseInt(repeat.group(2));
        if (entries.select(group.get().id(), number).isEmpty()) {
            keep(line, cells.get(0).text(), joinRaw(cells.subList(1, cells.size())), UnmappedContent.REPEAT_LIMIT,
                    null, "more " + group.get().label() + " than the form allows (" + group.get().max() + ")");
            return false;
        }
        if (entries.count(group.get().id()) != number) {
            warn("REPEAT_NUMBER_GAP", line, cells.get(0).text() + " is entry " + entries.count(group.get().id())
                    + " here: entries the export lost are not invented");
        }
        block = repeated.get();
        last = null;
        printed.first(block).ifPresent(slot -> cursor = slot.index());
        String value = joinRaw(cells.subList(1, cells.size()));
        return printed.namedLike(block, keys.of(group.get().label()))
                .map(slot -> answer(line, slot, cells.get(0).text(), value)).orElse(true);
    }

    /**
     * A row of labels only, each naming an item ("評価書番号 | 評価書名"), is a table header: the next row holds their
     * values, cell by cell.
     */
    private boolean tableHeader(int line, List<Cell> cells) {
        if (cells.size() < 2) {
            return false;
        }
        for (Cell cell : cells) {
            if (!isLabelCell(cell)) {
                return false;
            }
        }
        List<Slot> slots = new ArrayList<>();
        int from = cursor;
        for (Cell cell : cells) {
            Optional<Slot> slot = printed.find(section, List.of(keys.of(cell.text())), from, block);
            if (slot.isEmpty() || slot.get().index() < from) {
                return false;
            }
            slots.add(slot.get());
            from = slot.get().index() + 1;
        }
        header = List.copyOf(slots);
        return true;
    }

    private boolean tableRow(int line, List<Cell> cells) {
        List<Slot> columns = header;
        header = List.of();
        if (cells.size() != columns.size()) {
            warn("TABLE_ROW_CELLS", line, "a table row with " + cells.size() + " cells under a header of "
                    + columns.size() + ": read as ordinary rows");
            return labelRow(line, cells);
        }
        boolean mapped = true;
        for (int i = 0; i < columns.size(); i++) {
            mapped &= answer(line, columns.get(i), columns.get(i).item().label(), cells.get(i).raw());
        }
        return mapped;
    }

    /** "リスク2：…": the risk's own block (全項目) or its items within the current block (重点). */
    private boolean riskHeading(int risk) {
        Optional<Block> own = printed.riskBlock(section, block, risk);
        if (own.isPresent()) {
            block = own.get();
            printed.first(block).ifPresent(slot -> cursor = slot.index());
            last = null;
            return true;
        }
        String marker = ".r" + risk + ".";
        printed.slots(section).stream().filter(slot -> slot.index() >= cursor || slot.block() == block)
                .filter(slot -> slot.item().id().value().contains(marker)).findFirst()
                .ifPresent(slot -> cursor = slot.index());
        last = null;
        return true;
    }

    private boolean labelRow(int line, List<Cell> cells) {
        List<Cell> labels = BodyCells.labelCells(cells, this::isLabelCell);
        if (labels.isEmpty()) {
            return continueValue(line, cells);
        }
        Cell labelCell = labels.get(labels.size() - 1);
        String label = BodyCells.inlineLabel(labelCell.text());
        String parent = labels.size() > 1 ? labels.get(labels.size() - 2).text() : null;
        String value = (BodyCells.inlineValue(labelCell) + " " + joinRaw(cells.subList(labels.size(), cells.size()))).strip();
        List<String> labelKeys = parent == null ? List.of(keys.of(label))
                : List.of(keys.of(parent) + keys.of(label), keys.of(label));
        Optional<Slot> slot = (spacedRow ? printed.findAhead(section, labelKeys, cursor, block)
                : printed.find(section, labelKeys, cursor, block))
                .or(() -> value.isBlank() ? Optional.empty()
                        : printed.spelledInside(section, keys.of(label), awaitedFrom(), block));
        if (slot.isPresent()) {
            return answer(line, slot.get(), parent == null ? label : parent + " " + label, value);
        }
        if (cells.size() == 1 && printed.headed(section, keys.of(label), cursor).isPresent()) {
            return true;                                    // "④使用の主体" alone over 使用部署 and 使用者数
        }
        if (cells.size() == 1 && awaiting != null && awaitingLine == lastLine) {
            return valueUnderLabel(line, cells.get(0));
        }
        if (cells.size() == 2 && printed.headed(section, keys.of(label), cursor).isPresent()) {
            Optional<Slot> merged = printed.headedItemAtStart(section, keys.of(label), cells.get(1).text(), cursor);
            if (merged.isPresent()) {                       // "④使用の主体 | 使用部署 横浜市役所…": label merged into the value
                String itemLabel = merged.get().item().label();
                String raw = cells.get(1).raw();
                String rest = raw.substring(raw.indexOf(itemLabel) + itemLabel.length()).strip();
                return answer(line, merged.get(), label + " " + itemLabel, rest);
            }
        }
        if (cells.size() == 1 && value.isBlank() && printed.startsLabelAhead(section, keys.of(label), cursor)) {
            brokenLabel = labelCell;                        // "過去1年以内に、…に関する" / "重大事故が発生したか | [発生なし]"
            brokenLabelLine = line;
            return true;
        }
        if (cells.size() == 1 && last != null && (labelCell.column() > 0 || openAtEnd(last))
                && !printed.labelsAnItem(keys.of(label))) {
            return continueValue(line, cells);              // a cell's text broken over lines (DOMAIN §7.4)
        }
        keepAside(new UnmappedContent(line, BodyCells.text(parent == null ? label : parent + " " + label),
                BodyCells.text(value.isBlank() && cells.size() == 1 ? "" : value), UnmappedContent.UNKNOWN_LABEL, null));
        warnings.add(new Warning(UnmappedContent.UNKNOWN_LABEL, line, "\"" + label + "\" names no item of "
                + section.number() + " " + section.label(), true));    // " in " + the revision, at the result
        return false;
    }

    /**
     * Where a label may be looked for in the current block: from the reading position, or from the item the row
     * before named without a value ("1. 対象人数", whose item the next row asks for in the form's own words).
     */
    private int awaitedFrom() {
        boolean awaited = awaiting != null && awaitingLine == lastLine && awaiting.parts.isEmpty()
                && awaiting.slot.section() == section && awaiting.slot.block() == block;
        return awaited ? Math.min(cursor, awaiting.slot.index()) : cursor;
    }

    /**
     * The row after the start of a broken label: if its first cell ends that label ("重大事故が発生したか | [発生なし]"),
     * the two are one label row; else (empty) the start is kept aside and this row is read on its own.
     */
    private Optional<Boolean> completeBrokenLabel(int line, List<Cell> cells) {
        Cell start = brokenLabel;
        Cell end = cells.get(0);
        Cell joined = new Cell(end.column(), start.raw() + end.raw(), start.text() + end.text());
        List<Cell> row = new ArrayList<>(cells);
        row.set(0, joined);
        if (BodyCells.isLabelCell(end) && printed.find(section, List.of(keys.of(BodyCells.inlineLabel(joined.text()))),
                cursor, block).isPresent()) {
            brokenLabel = null;
            return Optional.of(labelRow(line, row));
        }
        keepBrokenLabel();
        return Optional.empty();
    }

    /** A label start no row completed: kept aside like any label that names no item. */
    private void keepBrokenLabel() {
        if (brokenLabel == null) {
            return;
        }
        Cell start = brokenLabel;
        brokenLabel = null;
        mappedLines.remove(brokenLabelLine);
        keepAside(new UnmappedContent(brokenLabelLine, start.text(), "", UnmappedContent.UNKNOWN_LABEL, null));
        warnings.add(new Warning(UnmappedContent.UNKNOWN_LABEL, brokenLabelLine, "\"" + start.text()
                + "\" names no item of " + section.number() + " " + section.label(), true));
    }

    /**
     * A row without TAB whose label and value a run of full-width spaces or several spaces separates
     * ("①部署　　子育て支援部", "評価実施機関名    旭川市長"): its two cells, when the part before the gap names an item
     * of the section, looked for ahead of the reading first ({@link PrintedForm#findAhead}). Empty for anything
     * else, which is read as printed.
     */
    private Optional<List<Cell>> spacedCells(List<Cell> cells) {
        if (cells.size() != 1) {
            return Optional.empty();
        }
        Cell cell = cells.get(0);
        if (cell.raw().indexOf('\u3000') < 0 && !cell.raw().contains("  ")) {
            return Optional.empty();                        // GAP needs a full-width space or two spaces
        }
        Matcher gap = GAP.matcher(cell.raw());
        if (!gap.find() || gap.start() == 0) {
            return Optional.empty();
        }
        String label = cell.raw().substring(0, gap.start()).strip();
        String value = cell.raw().substring(gap.end()).strip();
        Cell labelCell = new Cell(cell.column(), label, BodyCells.text(label));
        if (label.indexOf('<') >= 0 || value.isEmpty() || !BodyCells.isLabelCell(labelCell)
                || printed.findAhead(section, List.of(keys.of(BodyCells.inlineLabel(labelCell.text()))), cursor, block)
                .isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.of(labelCell, new Cell(cell.column() + 1, value, BodyCells.text(value))));
    }

    /**
     * Whether the value being read stops where it cannot end: after "、" or with a paragraph, item or table still
     * open (a cell the extraction broke over lines). An open list does not count: the exporter never closes
     * {@code <ul>} (samples 001/003/004), so a value ending in one is whole.
     */
    private static boolean openAtEnd(Pending value) {
        String raw = value.raw(false).strip();
        if (raw.endsWith("、") || raw.endsWith("，") || raw.endsWith(",")) {
            return true;
        }
        Matcher tags = BLOCK_TAG.matcher(raw);
        int open = 0;
        while (tags.find()) {
            if (!LIST_TAG.matcher(tags.group()).lookingAt()) {
                open += tags.group(1).isEmpty() ? 1 : -1;
            }
        }
        return open > 0;
    }

    /** A row of values only: the rest of the value being read, or content without a label. */
    private boolean continueValue(int line, List<Cell> cells) {
        String raw = joinRaw(cells);
        if (last != null) {
            last.parts.add(raw);
            last.lines.add(line);
            return true;
        }
        keep(line, "", raw, UnmappedContent.NO_LABEL, null, "a value with no label before it");
        return false;
    }

    /** Reads a value into its item; false when the row had to be kept aside instead. */
    private boolean answer(int line, Slot slot, String label, String value) {
        if (slot.section() == section && lostSectionHeading(slot, value)) {
            warn("SECTION_HEADING_MISSING", line, "\"" + label + "\" comes again after " + block.number() + " "
                    + block.label() + ": read as the next " + groupLabel(section.repeat()));
            nextOccurrence(line, section);
        }
        if (slot.section() == section) {
            block = slot.block();
            cursor = slot.index() + 1;
        }
        Optional<List<String>> path = entries.path(slot.item().repeatGroup());
        if (path.isEmpty()) {
            keep(line, label, value, UnmappedContent.REPEAT_LIMIT, slot.item().id().value(),
                    "more entries than the form allows");
            last = null;
            return false;
        }
        ValueKey key = key(slot, path.get());
        Pending existing = values.get(key);
        if (existing == null) {
            last = pending(slot, path.get(), line, label, value);
            values.put(key, last);
        } else if (existing.parts.isEmpty() || String.join(" ", existing.parts).equals(value) || value.isBlank()) {
            if (existing.parts.isEmpty() && !value.isBlank()) {
                existing.parts.add(value);
            }
            existing.lines.add(line);
            last = existing;                                // the same row printed twice (DOMAIN §7.3)
        } else {
            keep(line, label, value, UnmappedContent.DUPLICATE_ITEM, slot.item().id().value(),
                    "\"" + label + "\" was already read at line " + existing.line + " with another value");
            last = null;
            return false;
        }
        if (value.isBlank()) {
            awaiting = last;
            awaitingLine = line;
        }
        return true;
    }

    /**
     * An item of an earlier block of a section printed per entry, read again with another value: the next entry's
     * rows, whose section heading the export lost (DOMAIN §7.7, 003 after "7. 備考").
     */
    private boolean lostSectionHeading(Slot slot, String value) {
        if (section.repeat() == null || slot.block().repeat() != null || block == null || slot.index() >= cursor
                || printed.blockIndex(section, slot.block()) >= printed.blockIndex(section, block)) {
            return false;
        }
        Optional<List<String>> path = entries.path(slot.item().repeatGroup());
        Pending existing = path.map(p -> values.get(key(slot, p))).orElse(null);
        return existing != null && !existing.parts.isEmpty() && !value.isBlank()
                && !String.join(" ", existing.parts).equals(value);
    }

    private static ValueKey key(Slot slot, List<String> path) {
        return new ValueKey(slot.item().id().value(), path);
    }

    /**
     * A value's place: its item and entry path, compared as they are (the string "item@entry/entry" was built for
     * every row only to be hashed and compared; item ids have no '@' and entry ids no '/', so the two tell the same
     * places apart).
     */
    private record ValueKey(String itemId, List<String> path) {
        /** A copy: a hash key must not change, and {@code EntryTracker.path} may give a fresh mutable list. */
        ValueKey {
            path = List.copyOf(path);
        }
    }

    /** {@link BodyCells#isLabelCell}, remembered per cell (identity: a line's cells are split once per file). */
    private boolean isLabelCell(Cell cell) {
        Boolean label = labelCells.get(cell);
        if (label == null) {
            label = BodyCells.isLabelCell(cell);
            labelCells.put(cell, label);
        }
        return label;
    }

    /** A value printed on the row under its label ("評価実施機関名" / "旭川市長"). */
    private boolean valueUnderLabel(int line, Cell cell) {
        Pending target = awaiting;
        awaiting = null;
        last = target;
        if (target.parts.isEmpty()) {
            target.parts.add(cell.raw());
            target.lines.add(line);
            return true;
        }
        if (BodyCells.text(String.join(" ", target.parts)).equals(cell.text())) {
            target.lines.add(line);
            return true;                                    // the same value printed again for the same entry
        }
        keep(line, target.label, cell.raw(), UnmappedContent.DUPLICATE_ITEM, target.slot.item().id().value(),
                "\"" + target.label + "\" was already read at line " + target.line + " with another value");
        return false;
    }

    private Pending pending(Slot slot, List<String> path, int line, String label, String value) {
        return new Pending(slot, path, line, label, value);
    }

    private String groupLabel(String groupId) {
        return printed.form().group(groupId).map(RepeatGroup::label).orElse(groupId);
    }

    private void keep(int line, String label, String raw, String reason, String itemId, String message) {
        keepAside(new UnmappedContent(line, BodyCells.text(label), BodyCells.text(raw), reason, itemId));
        warn(reason, line, message);
    }

    /** A row kept aside, read in the entries the reader is in (none outside a repeated block or section). */
    private void keepAside(UnmappedContent row) {
        unmapped.add(row);
        String group = block != null && block.repeat() != null ? block.repeat()
                : section != null ? section.repeat() : null;
        if (group != null) {
            entries.entered(group).ifPresent(entriesKeptAside::addAll);
        }
    }

    private void warn(String code, int line, String message) {
        warnings.add(new Warning(code, line, message, false));
    }

    /** The cells' raw texts joined by a space, stripped. */
    private static String joinRaw(List<Cell> cells) {
        if (cells.size() == 1) {
            return cells.get(0).raw().strip();
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            joined.append(i == 0 ? "" : " ").append(cells.get(i).raw());
        }
        return joined.toString().strip();
    }
}
