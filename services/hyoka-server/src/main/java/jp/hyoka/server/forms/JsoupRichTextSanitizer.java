package jp.hyoka.server.forms;

import jp.hyoka.domain.form.RichTextSanitizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The safe HTML subset of a 評価書: paragraphs, line breaks, lists and tables (the structures the published
 * documents use), plus basic emphasis. Everything else goes: scripts, styles, event handlers, links, images,
 * forms. Text inside removed tags is kept; the markup around it is not.
 */
public final class JsoupRichTextSanitizer implements RichTextSanitizer {

    private static final Safelist SAFE_SUBSET = new Safelist()
            .addTags("p", "br", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
                    "strong", "em", "u", "s", "sub", "sup")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    @Override
    public String sanitize(String html) {
        return Jsoup.clean(html, "", SAFE_SUBSET, COMPACT);
    }
}
