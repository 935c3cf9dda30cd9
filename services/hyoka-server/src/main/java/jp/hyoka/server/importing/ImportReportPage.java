package jp.hyoka.server.importing;

import jp.hyoka.domain.assessment.ComponentUse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static jp.hyoka.domain.exporting.HtmlText.escape;

/**
 * The import report as a self-contained printable HTML page (A4, no scripts, no external resources): what was read
 * and mapped, what was kept aside and why, which 項目 paths name no item with their candidates, which sections were
 * linked to shared components. Every text from the document is escaped: the page never carries the file's markup.
 */
final class ImportReportPage {

    private static final String STYLE = """
            @page { size: A4; margin: 15mm; }
            body { font-family: "Noto Sans CJK JP", "IPAexGothic", sans-serif; font-size: 10pt; color: #000; }
            h1 { font-size: 14pt; } h2 { font-size: 12pt; margin-top: 1.5em; break-after: avoid; }
            table { border-collapse: collapse; width: 100%; } tr { break-inside: avoid; }
            th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top; text-align: left; }
            th { background: #eee; } thead { display: table-header-group; }
            .none { color: #555; }
            """;

    private ImportReportPage() {
    }

    static String render(ImportReport report) {
        Map<String, Object> source = report.source();
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">");
        page.append("<title>取込結果 ").append(escape(report.assessment().affairName())).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n<h1>取込結果: ")
                .append(escape(report.assessment().affairName())).append("</h1>\n");
        table(page, List.of("ファイル", "様式", "読んだ行", "項目に対応した行", "取り置いた行", "変更箇所の行", "項目を特定できた行"),
                List.of(List.of(text(source.get("sourceName")), report.assessment().form().toString(),
                        text(source.get("rowsRead")), text(source.get("rowsMapped")),
                        String.valueOf(report.keptAside().size()), String.valueOf(report.pastChanges()),
                        String.valueOf(report.itemPathsResolved()))));
        page.append("<h2>取り置いた内容 (").append(report.keptAside().size()).append(")</h2>\n");
        table(page, List.of("行", "見出し", "内容", "理由", "項目"), report.keptAside().stream().map(row -> List.of(
                text(row.get("sourceLine")), text(row.get("label")), text(row.get("content")), text(row.get("reason")),
                text(row.get("itemId")))).toList());
        page.append("<h2>項目を特定できなかった変更箇所 (").append(report.unresolvedPaths().size()).append(")</h2>\n");
        table(page, List.of("行", "項目 (記載のまま)", "結果", "候補"), report.unresolvedPaths().stream().map(path -> List.of(
                text(path.pastChange().get("sourceLine")), text(path.pastChange().get("itemPath")),
                path.outcome() + (path.note().isEmpty() ? "" : ": " + path.note()), candidates(path))).toList());
        page.append("<h2>共通部品に関連付けた箇所 (").append(report.linkedComponents().size()).append(")</h2>\n");
        Function<ComponentUse, List<String>> linked = use -> List.of(use.itemId().value(),
                String.join(" / ", use.entries()), use.componentId().value() + " 版" + use.version(),
                String.format(Locale.ROOT, "%.2f", use.similarity()));
        table(page, List.of("項目", "繰り返し", "共通部品", "類似度"), report.linkedComponents().stream().map(linked).toList());
        return page.append("</body></html>\n").toString();
    }

    private static String candidates(ImportReports.UnresolvedPath path) {
        return String.join("\n", path.candidates().stream().map(candidate -> (candidate.number() + " "
                + candidate.label()).strip() + " [" + candidate.id() + "] " + candidate.why()).toList());
    }

    /** A table of escaped cells (a line break in a cell prints as one), or a note that there is nothing. */
    private static void table(StringBuilder page, List<String> headings, List<List<String>> rows) {
        if (rows.isEmpty()) {
            page.append("<p class=\"none\">なし</p>\n");
            return;
        }
        page.append("<table><thead><tr>");
        headings.forEach(heading -> page.append("<th>").append(escape(heading)).append("</th>"));
        page.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            page.append("<tr>");
            row.forEach(cell -> page.append("<td>").append(escape(cell).replace("\n", "<br>")).append("</td>"));
            page.append("</tr>\n");
        }
        page.append("</tbody></table>\n");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
