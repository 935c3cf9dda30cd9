package jp.hyoka.domain.exporting;

import java.util.List;

/**
 * The printed rows as HTML: the 表紙 as a two-column table (label | value), every other section under its heading
 * as a three-column table (numbering | label | value) in which block headings, repeat entries ("システム1") and
 * sub-headings are full-width rows.
 */
final class HtmlBody {

    private final StringBuilder out = new StringBuilder();
    private boolean inSection;
    private boolean cover;

    private HtmlBody() {
    }

    static String of(List<PrintedRow> rows) {
        HtmlBody body = new HtmlBody();
        rows.forEach(body::row);
        body.closeSection();
        return body.out.toString();
    }

    private void row(PrintedRow row) {
        if (row instanceof PrintedRow.SectionStart start) {
            openSection(start);
        } else if (row instanceof PrintedRow.BlockHeading heading) {
            fullWidth("block", "th", heading.text());
        } else if (row instanceof PrintedRow.EntryHeading entry) {
            fullWidth("entry", "th", entry.text());
        } else if (row instanceof PrintedRow.SubHeading heading) {
            fullWidth("heading", "td", heading.text());
        } else if (row instanceof PrintedRow.ItemLine line) {
            String value = "<td class=\"value\">" + HtmlValue.of(line.item(), line.answer()) + "</td>";
            if (cover) {
                out.append("<tr><th>").append(HtmlText.escape(PrintedLabels.labelWithMarker(line.item())))
                        .append("</th>").append(value).append("</tr>\n");
            } else {
                out.append("<tr><td class=\"number\">").append(HtmlText.escape(line.item().number()))
                        .append("</td><td class=\"label\">")
                        .append(HtmlText.escape(PrintedLabels.labelWithMarker(line.item())))
                        .append("</td>").append(value).append("</tr>\n");
            }
        }
    }

    private void openSection(PrintedRow.SectionStart start) {
        closeSection();
        cover = start.cover();
        inSection = true;
        if (cover) {
            out.append("<section class=\"cover\">\n<table class=\"cover\"><colgroup><col class=\"label\">"
                    + "<col class=\"value\"></colgroup>\n");
            return;
        }
        out.append("<section>\n<h2>").append(HtmlText.escape(start.heading())).append("</h2>\n");
        if (!start.entryLabel().isEmpty()) {
            out.append("<p class=\"entry\">").append(HtmlText.escape(start.entryLabel())).append("</p>\n");
        }
        out.append("<table class=\"items\"><colgroup><col class=\"number\"><col class=\"label\">"
                + "<col class=\"value\"></colgroup>\n");
    }

    private void fullWidth(String kind, String cell, String text) {
        out.append("<tr class=\"").append(kind).append("\"><").append(cell).append(" colspan=\"")
                .append(cover ? 2 : 3).append("\">").append(HtmlText.escape(text)).append("</").append(cell)
                .append("></tr>\n");
    }

    private void closeSection() {
        if (inSection) {
            out.append("</table>\n</section>\n");
            inSection = false;
        }
    }
}
