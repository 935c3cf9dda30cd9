package jp.hyoka.domain.components.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text into the units differences and merges work on: sentences and lines. Japanese has no spaces between
 * words, and the shared boilerplate changes sentence by sentence (a supplier rewrites a measure, a municipality
 * adds one), so a token ends after 。 (or ．), after a line break, and after a closing paragraph, list item or
 * {@code <br>} tag of rich text. Delimiters stay in their token, so the tokens joined give back the text exactly. A
 * break after 。 is a token of its own, so that adding a line after a text's last sentence leaves that sentence
 * untouched (and cannot conflict with a change to it).
 */
final class TextTokens {

    private static final Pattern END = Pattern.compile("[。．]|\\r\\n|\\n|\\r|</p>|</li>|<br\\s*/?>",
            Pattern.CASE_INSENSITIVE);

    private TextTokens() {
    }

    static List<String> of(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = END.matcher(text);
        int start = 0;
        while (matcher.find()) {
            tokens.add(text.substring(start, matcher.end()));
            start = matcher.end();
        }
        if (start < text.length()) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }
}
