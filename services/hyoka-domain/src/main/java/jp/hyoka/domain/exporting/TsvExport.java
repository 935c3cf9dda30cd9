package jp.hyoka.domain.exporting;

import java.util.ArrayList;
import java.util.List;

/**
 * The document as tab-separated text in the shape of the published exports (one form row per line, cells plain text
 * or HTML), so that what Hyoka exports, a Hyoka import reads back into the same answers and 変更箇所 rows. With
 * "⇥" standing for a TAB:
 *
 * <pre>
 * 特定個人情報保護評価書(重点項目評価書)
 *
 * 評価書番号⇥45                           表紙: label and value, no heading
 *
 * I 基本情報                              section heading; II and III once per file entry
 *
 * 1. 特定個人情報ファイルを取り扱う事務      block heading
 * ①事務の名称⇥…                           item: circled number (once per run), label, " ※"; value
 *
 * システム1                               one entry of a repeated block
 * …
 * (別添2) 変更箇所
 *
 * 変更日⇥項目⇥変更前の記載⇥変更後の記載⇥提出時期⇥提出時期に係る説明
 * </pre>
 *
 * An empty line separates sections, blocks and entries. Lines are joined by "\n" and the text ends with one. No cell
 * ever holds a TAB or a line break.
 */
public final class TsvExport {

    private TsvExport() {
    }

    public static String render(DocumentExport export) {
        List<String> lines = new ArrayList<>();
        lines.add(DocumentTitle.of(export.form()));
        lines.add("");
        for (PrintedRow row : DocumentLayout.rows(export)) {
            if (row instanceof PrintedRow.SectionStart start && !start.cover()) {
                separate(lines);
                lines.add(TsvCell.of(start.heading()));
            } else if (row instanceof PrintedRow.BlockHeading heading) {
                separate(lines);
                lines.add(TsvCell.of(heading.text()));
            } else if (row instanceof PrintedRow.EntryHeading entry) {
                separate(lines);
                lines.add(TsvCell.of(entry.text()));
            } else if (row instanceof PrintedRow.SubHeading heading) {
                lines.add(TsvCell.of(heading.text()));
            } else if (row instanceof PrintedRow.ItemLine line) {
                lines.add(TsvCell.row(line.label(), TsvValue.cell(line.item(), line.answer())));
            }
        }
        separate(lines);
        lines.addAll(TsvChangeAnnex.lines(export.form(), export.pastChanges()));
        return String.join("\n", lines) + "\n";
    }

    /** One empty line before a heading, never two in a row. */
    private static void separate(List<String> lines) {
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
            lines.add("");
        }
    }
}
