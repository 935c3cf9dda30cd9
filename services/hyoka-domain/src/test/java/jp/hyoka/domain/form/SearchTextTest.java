package jp.hyoka.domain.form;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    void givenATextAnswer_whenMadeSearchable_thenNfkcWithOneSpaceBetweenWordsAndNoneAtTheEnds() {
        assertThat(SearchText.of(new TextAnswer("  ＡＰ　ｻｰﾊﾞｰ \t\r\n １２３\u00A0㈱  "))).isEqualTo("AP サーバー 123 (株)");
    }

    @Test
    void givenARichTextAnswer_whenMadeSearchable_thenTagsAreSpacesAndReferencesDecoded() {
        String html = "<p>住民&amp;基本</p><ul><li>&lt;台帳&gt;&nbsp;&quot;A&#39;&apos;&#64;&#x3042;</li></ul>&copy;";

        assertThat(SearchText.of(new RichTextAnswer(html))).isEqualTo("住民&基本 <台帳> \"A''@あ &copy;");
    }

    @Test
    void givenChoices_whenMadeSearchable_thenTheirFreeTextsJoinedBySpacesAndCodesAreNotText() {
        assertThat(SearchText.of(new ChoiceAnswer("other", "ｿﾉ他 の 事務", null))).isEqualTo("ソノ他 の 事務");
        assertThat(SearchText.of(new ChoiceAnswer("yes"))).isNull();
        assertThat(SearchText.of(new MultiChoiceAnswer(List.of(new Selection("a", "甲", null),
                new Selection("b", null, 3L), new Selection("c", " 乙 ", null))))).isEqualTo("甲 乙");
        assertThat(SearchText.of(new MultiChoiceAnswer(List.of(new Selection("a", null, null))))).isNull();
        assertThat(SearchText.of(new MultiChoiceAnswer(List.of()))).isNull();
    }

    @Test
    void givenNumbersDatesNothingOrOnlyBlanks_whenMadeSearchable_thenThereIsNoText() {
        assertThat(SearchText.of(new NumberAnswer(3L))).isNull();
        assertThat(SearchText.of(new DateAnswer(LocalDate.of(2025, 4, 1)))).isNull();
        assertThat(SearchText.of(null)).isNull();
        assertThat(SearchText.of(new TextAnswer(" \u3000\u200B\u0007"))).isNull();
        assertThat(SearchText.of(new RichTextAnswer("<p>&nbsp;</p>"))).isNull();
    }

    /**
     * The decisions where PostgreSQL's V17 text differed (the search README): every white space Java knows is a
     * space (U+001C–U+001F, U+2028, U+0085 is a control), control, bidirectional and zero-width characters are
     * dropped without a space, as a query drops them.
     */
    @Test
    void givenWhiteSpaceAndInvisibleCharactersOfEveryKind_whenNormalised_thenSpacesOrNothing() {
        for (int space : new int[]{'\t', '\n', 0x0B, '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F, 0x00A0, 0x1680, 0x2000,
                0x2007, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000}) {
            assertThat(SearchText.normalise("住 " + Character.toString(space) + "\t民"))
                    .as("U+%04X", space).isEqualTo("住 民");
            assertThat(SearchText.normalise("住" + Character.toString(space) + "民")).as("U+%04X", space)
                    .isEqualTo("住 民");
        }
        for (int invisible : new int[]{0x01, 0x07, 0x7F, 0x85, 0x9F, 0x200B, 0x200E, 0x202E, 0x2066, 0x2060, 0xFEFF}) {
            assertThat(SearchText.normalise("住" + Character.toString(invisible) + "民")).as("U+%04X", invisible)
                    .isEqualTo("住民");
            assertThat(SearchText.normalise("住 " + Character.toString(invisible) + " 民")).as("U+%04X", invisible)
                    .isEqualTo("住 民");
        }
    }

    @Test
    void givenAQueryAndAnAnswerWithTheSameWords_whenBothNormalised_thenTheQueryIsInTheAnswer() {
        String typed = " ｻｰﾊﾞｰ\u2028室 ";
        String answer = SearchText.of(new RichTextAnswer("<p>中間ｻｰﾊﾞｰ</p><p>室</p>"));

        assertThat(answer).contains(SearchText.normalise(typed));
        assertThat(Arrays.asList(SearchText.normalise(typed), answer)).containsExactly("サーバー 室", "中間サーバー 室");
    }
}
