package jp.hyoka.domain.components.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTokensTest {

    @Test
    void givenJapaneseSentences_whenSplit_thenEachEndsWithItsFullStop() {
        assertThat(TextTokens.of("①管理する。 ②保存される。"))
                .containsExactly("①管理する。", " ②保存される。");
    }

    @Test
    void givenLineBreaks_whenSplit_thenEachLineKeepsItsBreak() {
        assertThat(TextTokens.of("＜措置＞\r\n①管理する\n②保存")).containsExactly("＜措置＞\r\n", "①管理する\n", "②保存");
    }

    @Test
    void givenASentenceEndingALine_whenSplit_thenTheBreakIsATokenOfItsOwn() {
        assertThat(TextTokens.of("①管理する。\n②保存する。")).containsExactly("①管理する。", "\n", "②保存する。");
    }

    @Test
    void givenRichTextParagraphs_whenSplit_thenAParagraphEndEndsAToken() {
        assertThat(TextTokens.of("<p>見出し</p> <p>本文。</p>")).containsExactly("<p>見出し</p>", " <p>本文。", "</p>");
    }

    @Test
    void givenAnyText_whenSplitAndJoined_thenTheSameText() {
        String text = BoilerplateTexts.SYSTEM_DESCRIPTION + BoilerplateTexts.SOFTWARE_RISK1_KAWASAKI + " 末尾";

        assertThat(String.join("", TextTokens.of(text))).isEqualTo(text);
    }

    @Test
    void givenEmptyText_whenSplit_thenNoTokens() {
        assertThat(TextTokens.of("")).isEmpty();
    }
}
