package jp.hyoka.domain.form;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RichTextAnswer#hasText} is exactly "the plain text is not empty", without making the plain text. */
class RichTextHasTextTest {

    private static final String[] PIECES = {"<p>", "</p>", "<br>", "<br/>", "< p>", "</ p>", "<1>", "<", ">", "</",
            "<p", "<選択肢>", "&nbsp;", "&amp;", "&#32;", "&#x200B;", "&bogus;", "&", " ", "\u3000", "\u00A0", "\t",
            "\n", "\r", "\u0001", "\u200B", "\u202E", "\uFEFF", "\u2028", "a", "本文", "𠮷", "\uD800", "-", "&lt;",
            "&gt;", "&quot;", "&NBSP;", "&#0;", "&#13;", "&#x1F600;", "&#1114112;", "&#12354;", "&#xFEFF;", "&ab", "&l",
            "t;", "&#", "x20;", ";", "&amp;nbsp;", "&abcdefghi;"};

    @Test
    void givenRandomRichText_whenAskedForText_thenTheAnswerIsThatOfThePlainText() {
        Random random = new Random(67);
        int withText = 0;
        int blank = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder html = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                html.append(PIECES[random.nextInt(PIECES.length)]);
            }
            RichTextAnswer answer = new RichTextAnswer(html.toString());
            boolean expected = !answer.plainText().isEmpty();
            assertThat(answer.hasText()).as("%s", html).isEqualTo(expected);
            withText += expected ? 1 : 0;
            blank += expected ? 0 : 1;
        }
        assertThat(withText).isGreaterThan(10_000);
        assertThat(blank).isGreaterThan(10_000);
    }

    @Test
    void givenEveryCharacterBetweenTags_whenAskedForText_thenTheAnswerIsThatOfThePlainText() {
        for (int code = 0; code <= Character.MAX_VALUE; code++) {
            RichTextAnswer answer = new RichTextAnswer("<p> " + (char) code + "</p>");
            assertThat(answer.hasText()).as("U+%04X", code).isEqualTo(!answer.plainText().isEmpty());
        }
    }

    @Test
    void givenEveryCharacterAsAReferenceBetweenTags_whenAskedForText_thenTheAnswerIsThatOfThePlainText() {
        for (int code = 0; code <= Character.MAX_VALUE; code++) {
            String reference = code % 2 == 0 ? "&#" + code + ";" : "&#x" + Integer.toHexString(code) + ";";
            RichTextAnswer answer = new RichTextAnswer("<p> " + reference + " </p>");
            assertThat(answer.hasText()).as("%s", reference).isEqualTo(!answer.plainText().isEmpty());
        }
    }
}
