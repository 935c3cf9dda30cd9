package jp.hyoka.domain.exporting;

/**
 * The document as one printable, self-contained HTML5 page close to the official layout: the title, the 表紙, each
 * section as a table (numbering | label | value) with repeat entries headed "システム1" …, every option of a
 * selection shown with a ticked (☑) or empty (☐) box, and the 変更箇所 annex with its six columns. Nothing is loaded
 * from elsewhere — no script, style sheet or font — so the page prints the same offline and years later.
 */
public final class HtmlExport {

    private HtmlExport() {
    }

    public static String render(DocumentExport export) {
        String title = DocumentTitle.of(export.form());
        return "<!DOCTYPE html>\n"
                + "<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + HtmlText.escape(title) + "</title>\n"
                + "<style>\n" + HtmlStyle.CSS + "</style>\n</head>\n<body>\n"
                + "<h1>" + HtmlText.escape(title) + "</h1>\n"
                + HtmlBody.of(DocumentLayout.rows(export))
                + HtmlChangeAnnex.of(export.form(), export.pastChanges())
                + "</body>\n</html>\n";
    }
}
