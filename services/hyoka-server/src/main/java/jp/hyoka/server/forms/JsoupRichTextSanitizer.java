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

    /**
     * Text without markup, and markup already in the form jsoup would give ({@link SanitisedHtml}), comes back as it
     * is; everything else through jsoup. Most rich-text answers of a published document are plain paragraphs, and an
     * import sanitises each answer when reading it and again when the command is decided, the second time on jsoup's
     * own output (the bulk-import profile found jsoup a tenth of the import's time). The exports' own markup, lists
     * with a style and names in angle brackets, is written as jsoup would write it ({@link ExportMarkup}), in the same
     * pass that checks the result is in jsoup's form (text already in that form comes back as it is).
     */
    @Override
    public String sanitize(String html) {
        if (unchanged(html)) {
            return html;
        }
        String exported = ExportMarkup.asJsoupWrites(html);        // jsoup's own form, the exports' lists and names
        return exported != null ? exported : jsoup(html);
    }

    /** What jsoup makes of the text (the definition {@link #unchanged} and {@link SanitisedHtml} shortcut). */
    static String jsoup(String html) {
        return Jsoup.clean(html, "", SAFE_SUBSET, COMPACT);
    }

    /**
     * Whether jsoup would give the text back unchanged: no tag or entity can start in it ('<', '&') and it has no
     * character jsoup escapes ('>', no-break space, control characters other than tab and line ends) or cannot
     * encode (surrogates, which are left to jsoup even when paired).
     */
    static boolean unchanged(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '\u00A0' || c == '\uFFFF' || Character.isSurrogate(c)
                    || (c < ' ' && c != '\t' && c != '\n' && c != '\r')) {
                return false;
            }
        }
        return true;
    }
}
