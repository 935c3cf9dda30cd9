package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.importing.annex.ChangeAnnexParser;
import jp.hyoka.domain.importing.body.BodyCells.Cell;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Reads the body of an exported, published 評価書 into answers of a form revision. The kind comes from the title row
 * ("特定個人情報保護評価書(重点項目評価書)"); the revision is the one of that kind under which the fewest rows are
 * left unmapped (revisions differ in option lists, e.g. 4情報 and 5情報), then the one asking fewest items the document
 * did not print (a later revision that only adds items), the newest on a tie.
 */
public final class DocumentBodyImport {

    private DocumentBodyImport() {
    }

    /** The kind named by the document's title row, if the file has one (an annex-only file has not). */
    public static Optional<FormKind> kind(List<String> lines) {
        return title(lines).flatMap(title -> {
            for (FormKind kind : FormKind.values()) {
                if (title.contains(kind.japaneseName())) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        });
    }

    /** Whether the file has a body at all (rows between the title and the 変更箇所 annex). */
    public static boolean hasBody(List<String> lines) {
        return kind(lines).isPresent();
    }

    /**
     * The document read against the best of {@code revisions} (all of one kind).
     *
     * @param newEntryId supplies an id for every repeat entry the document prints
     */
    public static ImportedDocument read(List<String> lines, List<FormDefinition> revisions, AnswerRules rules,
                                        Supplier<String> newEntryId) {
        return read(lines, ChangeAnnexParser.locate(lines), revisions, rules, newEntryId);
    }

    /**
     * {@link #read(List, List, AnswerRules, Supplier)} with the 変更箇所 annex's start already located
     * ({@link ChangeAnnexParser#locate}), for a caller that parses the annex too.
     */
    public static ImportedDocument read(List<String> lines, OptionalInt annexStart, List<FormDefinition> revisions,
                                        AnswerRules rules, Supplier<String> newEntryId) {
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("no form revision to read the document against");
        }
        BodyCells.Rows rows = new BodyCells.Rows(lines);
        List<Range> ranges = ranges(rows, annexStart.orElse(lines.size() + 1));
        ValueReader reader = ValueReader.forFile(rules, lines);
        LabelKeys keys = new LabelKeys();                   // this import's document text, keyed once
        Candidate best = null;
        BodyReader rowsRead = null;                         // the last revision whose rows were read
        List<ValueReader.Read> ownReads = null;             // its values, read against itself
        for (FormDefinition revision : revisions.stream().sorted(Comparator.comparing(
                (FormDefinition f) -> f.ref().version()).reversed()).toList()) {
            if (rowsRead == null || !rowsRead.readsAlike(revision)) {
                BodyReader body = new BodyReader(revision, newEntryId, keys);
                ranges.forEach(range -> body.read(rows, range.from(), range.to()));
                rowsRead = body;
                ownReads = null;
            }
            // Revisions that differ only where values are read (options) read the rows once (ReadingLayout), and
            // read again only the values of items that differ. Only the best fit's result is made, with the entry
            // ids drawn for each revision in the order reading each in turn would draw them.
            Map<String, String> ids = rowsRead.entryIds(revision, newEntryId);
            List<ValueReader.Read> reads = rowsRead.values(revision, reader, ownReads);
            if (revision == rowsRead.form()) {
                ownReads = reads;
            }
            int misfit = rowsRead.misfit(reads);
            int notPrinted = rowsRead.itemsNotPrinted(revision);
            if (best == null || misfit < best.misfit()
                    || misfit == best.misfit() && notPrinted < best.notPrinted()) {
                best = new Candidate(rowsRead, revision, ids, reads, misfit, notPrinted);
            }
        }
        return best.rows().result(best.reads(), best.revision(), best.ids());
    }

    /**
     * A revision's fit: the reader of the rows (of its layout), the entry ids and the values under it, how badly it
     * fits ({@link BodyReader#misfit}: unmapped rows weigh most, options the revision does not have break ties), and
     * then how many of its items the document did not print ({@link BodyReader#itemsNotPrinted}); the newest wins
     * what is left tied (revisions are tried newest first).
     */
    private record Candidate(BodyReader rows, FormDefinition revision, Map<String, String> ids,
                             List<ValueReader.Read> reads, int misfit, int notPrinted) {
    }

    private static Optional<String> title(List<String> lines) {
        return lines.stream().map(BodyCells::cells).filter(cells -> !cells.isEmpty()).findFirst()
                .map(cells -> cells.get(0).text()).filter(text -> text.contains("評価書"));
    }



    /**
     * Lines [from, to) of the body that are read: the cover, and the body after the 項目一覧. A range read ends early at
     * a "(別添N) 変更箇所" heading without the column header row (a truncated annex): {@link BodyReader#read} stops there
     * in its own pass over the lines.
     */
    private record Range(int from, int to) {
    }

    /**
     * The cover (after the title row) up to the 項目一覧, and the body from where it repeats the list's first entry:
     * the table of contents names sections, it is not content.
     */
    private static List<Range> ranges(BodyCells.Rows rows, int end) {
        int title = 1;
        while (title <= rows.size() && rows.line(title).isEmpty()) {
            title++;
        }
        int contents = -1;
        String contentsFirst = null;
        for (int line = title + 1; line < end; line++) {
            List<Cell> cells = rows.line(line);
            if (cells.isEmpty() || rows.isPageMark(line)) {
                continue;                                   // a page break may fall inside the 項目一覧
            }
            String first = cells.get(0).text();
            if (contents < 0) {
                if (first.equals("項目一覧")) {
                    contents = line;
                }
            } else if (contentsFirst == null) {
                contentsFirst = first;
            } else if (first.equals(contentsFirst)) {
                return List.of(new Range(title + 1, contents), new Range(line, end));
            }
        }
        return List.of(new Range(title + 1, contents < 0 ? end : contents));
    }
}
