package jp.hyoka.domain.exporting;

import jp.hyoka.domain.assessment.AffairNames;
import jp.hyoka.domain.assessment.AnswerKey;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.Completeness;
import jp.hyoka.domain.assessment.Completeness.Placed;
import jp.hyoka.domain.assessment.EntryListKey;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.RepeatGroup;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.form.TextAnswer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lays a document out in print order: sections in form order, a section repeated per 特定個人情報ファイル once per
 * file entry, and within it the blocks in {@link Completeness#printOrder} — a repeated block (システムN, 委託事項N)
 * once per entry, headed by the group label and the entry's 1-based position.
 *
 * <p>A numbered block's heading is printed even when its group has no entries yet ("2. …使用するシステム" with no
 * システム), as the official form does; an unnumbered block whose label only repeats the section or group label
 * ("委託事項" before "委託事項1") prints no heading of its own, since the entry heading says it already.
 */
final class DocumentLayout {

    private final FormDefinition form;
    private final Assessment document;
    private final Function<EntryListKey, List<String>> entries;
    private final List<PrintedRow> rows = new ArrayList<>();

    private DocumentLayout(FormDefinition form, Assessment document) {
        this.form = form;
        this.document = document;
        this.entries = key -> document.entries(key.groupId(), key.parentEntries());
    }

    static List<PrintedRow> rows(DocumentExport export) {
        DocumentLayout layout = new DocumentLayout(export.form(), export.document());
        export.form().sections().forEach(layout::section);
        return List.copyOf(layout.rows);
    }

    private void section(Section section) {
        List<Placed> placed = Completeness.printOrder(form, section, entries);
        for (List<String> sectionPath : Completeness.paths(form, section.repeat(), entries)) {
            String entryLabel = section.repeat() == null ? "" : entryLabel(section.repeat(), sectionPath);
            rows.add(new PrintedRow.SectionStart(section, PrintedLabels.section(section), entryLabel));
            for (Block block : section.blocks()) {
                boolean repeated = block.repeat() != null && !block.repeat().equals(section.repeat());
                if (printsHeading(section, block, repeated)) {
                    rows.add(new PrintedRow.BlockHeading(PrintedLabels.block(block)));
                }
                for (Placed place : placed) {
                    if (place.block() == block && startsWith(place.entries(), sectionPath)) {
                        if (repeated) {
                            rows.add(new PrintedRow.EntryHeading(entryLabel(block.repeat(), place.entries())));
                        }
                        items(block, place.entries());
                    }
                }
            }
        }
    }

    private void items(Block block, List<String> path) {
        block.headings().forEach(heading -> rows.add(new PrintedRow.SubHeading(heading)));
        String previousHeading = null;
        String lastCircled = "";
        for (Item item : block.items()) {
            // Item.heading is set on the first item of a run ("④使用の主体" over 使用部署 and 使用者数).
            if (item.heading() != null && !item.heading().equals(previousHeading)) {
                rows.add(new PrintedRow.SubHeading(item.heading()));
                lastCircled = PrintedLabels.leadingCircledNumber(item.heading());
            }
            previousHeading = item.heading();
            String circled = PrintedLabels.circledNumber(item.number());
            boolean numberPrinted = !circled.isEmpty() && circled.equals(lastCircled);
            lastCircled = circled;
            rows.add(new PrintedRow.ItemLine(item, PrintedLabels.item(item, numberPrinted),
                    printed(item, document.answer(new AnswerKey(item.id(), path)))));
        }
    }

    /**
     * The answer as printed: a 事務 that ended has its 評価書名 marked 【令和N年M月D日 終了】, as the 記載要領 asks
     * (DOMAIN.md §3.4), without the answer itself being changed.
     */
    private Optional<Answer> printed(Item item, Optional<Answer> answer) {
        LocalDate ended = document.lifecycle().affairEndedOn();
        if (ended == null || !item.id().equals(Assessment.AFFAIR_NAME)
                || !(answer.orElse(null) instanceof TextAnswer name)) {
            return answer;
        }
        return Optional.of(new TextAnswer(AffairNames.printed(name.text(), ended)));
    }

    private boolean printsHeading(Section section, Block block, boolean repeated) {
        if (section.number().isEmpty()) {
            return false;
        }
        if (!block.number().isBlank()) {
            return true;
        }
        String groupLabel = repeated ? groupLabel(block.repeat()) : null;
        return !block.label().isBlank() && !block.label().equals(section.label())
                && !block.label().equals(groupLabel);
    }

    /** "システム2": the group label and the 1-based position of the path's last entry among its siblings. */
    private String entryLabel(String groupId, List<String> path) {
        List<String> parent = path.subList(0, path.size() - 1);
        int position = entries.apply(new EntryListKey(groupId, parent)).indexOf(path.get(path.size() - 1)) + 1;
        return groupLabel(groupId) + position;
    }

    private String groupLabel(String groupId) {
        return form.group(groupId).map(RepeatGroup::label).orElse(groupId);
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && Objects.equals(path.subList(0, prefix.size()), prefix);
    }
}
