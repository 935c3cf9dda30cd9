package jp.hyoka.domain.form;

import java.text.Normalizer;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What search finds an answer by, and what a query is compared with: one definition for both, so that the text a
 * caller types and the text stored for an answer are normalised alike (the search feature, rm_answer.search_text).
 * <ul>
 *   <li>An answer's searchable text: a text answer's text; a rich text's text with every tag as a space and its
 *       character references decoded; the free texts given with choices, joined by a space. Numbers, dates and
 *       option codes are not text: none.</li>
 *   <li>{@link #normalise}: NFKC (全角 letters and digits, 半角 katakana, U+3000 and U+00A0 fold to one form), every
 *       run of white space (Java's white space and Unicode's space separators: tabs, line breaks, U+2028, U+1680, …)
 *       as one space, control, bidirectional and zero-width characters dropped (they are invisible, and a query
 *       cannot hold them either: dropped, not spaced, as {@link PlainText#clean} drops them), no space at either
 *       end.</li>
 * </ul>
 */
public final class SearchText {

    /** Any tag, as V17's SQL function found them; sanitised HTML has no other '&lt;' (jsoup writes {@code &lt;}). */
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private SearchText() {
    }

    /** The answer's searchable text, or null when it has none (not text, or nothing left after normalising). */
    public static String of(Answer answer) {
        if (answer == null) {
            return null;
        }
        String text = null;
        if (answer instanceof TextAnswer t) {
            text = t.text();
        } else if (answer instanceof RichTextAnswer r) {
            text = HtmlEntities.decode(r.html().indexOf('<') < 0 ? r.html() : TAG.matcher(r.html()).replaceAll(" "));
        } else if (answer instanceof ChoiceAnswer c) {
            text = c.text();
        } else if (answer instanceof MultiChoiceAnswer m) {
            text = choicesText(m);
        }                                                   // numbers and dates: not text
        return text == null ? null : emptyAsNull(normalise(text));
    }

    /** The free texts of the ticked options joined by a space, or null when none has one. */
    private static String choicesText(MultiChoiceAnswer answer) {
        String joined = null;
        for (Selection selection : answer.selections()) {
            if (selection.text() != null) {
                joined = joined == null ? selection.text() : joined + ' ' + selection.text();
            }
        }
        return joined;
    }

    /** The text normalised for search (see the class comment); empty when nothing searchable is left. */
    public static String normalise(String text) {
        Objects.requireNonNull(text, "text");
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pendingSpace = out.length() > 0;            // a space only between two kept characters
            } else if (!PlainText.invisible(cp)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static String emptyAsNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
