package jp.hyoka.domain.form;

import java.util.Objects;
import java.util.regex.Pattern;

/** Rich text in the safe HTML subset; only ever constructed from sanitised input (see {@link AnswerRules}). */
public record RichTextAnswer(String html) implements Answer {
    /** Compiled once: every read of a document derives the plain text of each rich-text answer. */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Zs}]+");

    public RichTextAnswer {
        Objects.requireNonNull(html, "html");
    }

    @Override
    public ItemType type() {
        return ItemType.RICH_TEXT;
    }

    /**
     * Whether {@link #plainText} is not empty, told in one scan: a visible character outside the tags ({@link #TAG},
     * found as the pattern finds them) is enough, and so is a '&' that starts no reference (it stays as it is) or a
     * reference that decodes to a visible character; a reference decoding to a space or to nothing visible is passed
     * over. The answer rules ask it of every rich-text answer they accept (an import's reader and the decider both go
     * through them), and the exports' names in angle brackets come to them as {@code &lt;…&gt;}.
     */
    public boolean hasText() {
        int length = html.length();
        for (int i = 0; i < length; i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int name = i + 1 < length && html.charAt(i + 1) == '/' ? i + 2 : i + 1;
                if (name < length && isAsciiLetter(html.charAt(name))) {
                    int close = html.indexOf('>', name + 1);
                    if (close >= 0) {
                        i = close;                          // a tag: a space in the plain text
                        continue;
                    }
                }
            }
            if (c == '&') {
                int end = HtmlEntities.referenceEnd(html, i);
                if (end < 0 || visible(HtmlEntities.decoded(html, i, end))) {
                    return true;
                }
                i = end - 1;
                continue;
            }
            if (PlainText.visible(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean visible(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (PlainText.visible(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** Tags removed, character references decoded, spaces folded: for history lines and diffs, not rendering. */
    @Override
    public String plainText() {
        String untagged = html.indexOf('<') < 0 ? html : TAG.matcher(html).replaceAll(" ");    // a tag needs a '<'
        return SPACES.matcher(PlainText.clean(HtmlEntities.decode(untagged))).replaceAll(" ");
    }
}
