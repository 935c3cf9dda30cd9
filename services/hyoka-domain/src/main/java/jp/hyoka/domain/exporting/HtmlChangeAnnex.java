package jp.hyoka.domain.exporting;

import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.RichTextAnswer;

import java.util.List;

/** The 変更箇所 annex as a table with the six official columns, the header repeated on every printed page. */
final class HtmlChangeAnnex {

    private static final List<String> COLUMN_CLASSES = List.of("date", "path", "text", "text", "timing", "explanation");

    private HtmlChangeAnnex() {
    }

    static String of(FormDefinition form, List<PastChange> changes) {
        StringBuilder out = new StringBuilder("<section class=\"annex\">\n<h2>")
                .append(HtmlText.escape(ChangeAnnexHeading.of(form)))
                .append("</h2>\n<table class=\"changes\"><colgroup>");
        COLUMN_CLASSES.forEach(column -> out.append("<col class=\"").append(column).append("\">"));
        out.append("</colgroup>\n<thead><tr>");
        ChangeAnnexHeading.COLUMNS.forEach(title -> out.append("<th>").append(HtmlText.escape(title)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (PastChange change : changes) {
            out.append("<tr>");
            for (String cell : List.of(PastChangeCells.date(change), nullToEmpty(change.itemPath()),
                    PastChangeCells.before(change), PastChangeCells.after(change), PastChangeCells.timing(change),
                    nullToEmpty(change.explanation()))) {
                out.append("<td>").append(HtmlText.escape(plain(cell))).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n</section>\n").toString();
    }

    /**
     * 変更前/変更後 were taken over from published documents as written, HTML included, and were never sanitised: they
     * are printed as their plain text (tags removed, character references decoded, then escaped), never as markup.
     */
    private static String plain(String cell) {
        return cell.indexOf('<') < 0 && cell.indexOf('&') < 0 ? cell : new RichTextAnswer(cell).plainText();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
