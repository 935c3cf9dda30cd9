package jp.hyoka.domain.components.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static jp.hyoka.domain.components.text.BoilerplateTexts.PLATFORM_V2_STORAGE;
import static jp.hyoka.domain.components.text.BoilerplateTexts.PLATFORM_V2_STORAGE_ASAHIKAWA;
import static org.assertj.core.api.Assertions.assertThat;

class MatchingTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"①中間サーバーと団体", "(1) 中間サーバーと団体", "（１）中間サーバーと団体", "1. 中間サーバーと団体",
            "1 中間サーバーと団体", "⑴中間サーバーと団体", "❶ 中間サーバーと団体"})
    void givenNumberingStyles_whenNormalised_thenNumberingIsIgnored(String text) {
        assertThat(MatchingText.of(text)).isEqualTo("中間サーバーと団体");
    }

    @ParameterizedTest
    @ValueSource(strings = {"・ISO/IEC27017", "• ISO/IEC27017", "○ISO/IEC27017", "● ISO/IEC27017", "- ・ISO/IEC27017",
            "･ISO/IEC27017"})
    void givenBulletStyles_whenNormalised_thenBulletsAreIgnored(String text) {
        assertThat(MatchingText.of(text)).isEqualTo("ISO/IEC27017");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<中間サーバー・ソフトウェアにおける措置>", "＜中間サーバー・ソフトウェアにおける措置＞",
            "〈中間サーバー・ソフトウェアにおける措置〉", "《中間サーバー・ソフトウェアにおける措置》",
            "(中間サーバー・ソフトウェアにおける措置)", "< 中間サーバー・ソフトウェアにおける措置 >"})
    void givenBracketStyles_whenNormalised_thenBracketsAreIgnored(String text) {
        assertThat(MatchingText.of(text)).isEqualTo("中間サーバーソフトウェアにおける措置");
    }

    @Test
    void givenHtmlParagraphsAndLists_whenNormalised_thenSameAsPlainText() {
        assertThat(MatchingText.of("<p>なお、次を満たしている。</p> <ul style=\"list-style-type: none\"> ・日本国内でデータを保管している。</ul>"))
                .isEqualTo(MatchingText.of("なお、次を満たしている。 ・日本国内でデータを保管している。"));
    }

    @Test
    void givenFullWidthCharactersAndColons_whenNormalised_thenSameAsHalfWidth() {
        assertThat(MatchingText.of("①符号管理機能： 特定個人情報（連携対象）の照会"))
                .isEqualTo(MatchingText.of("① 符号管理機能:特定個人情報(連携対象)の照会"));
    }

    @Test
    void givenFootnoteMarksWrittenAsAsteriskOrKome_whenNormalised_thenTheSame() {
        assertThat(MatchingText.of("情報照会機能(*1)により")).isEqualTo(MatchingText.of("情報照会機能(※1)により"))
                .isEqualTo("情報照会機能※1により");
    }

    @Test
    void givenLegalReferences_whenNormalised_thenTheirNumbersStay() {
        assertThat(MatchingText.of("番号法第19条第1項第7号、第8号及び第16号に基づき"))
                .isEqualTo("番号法第19条第1項第7号、第8号及び第16号に基づき");
    }

    @Test
    void givenSpacesBetweenLatinWords_whenNormalised_thenOneSpaceStaysAndOthersGo() {
        assertThat(MatchingText.of("NIST  800 等に準拠 し た")).isEqualTo("NIST 800等に準拠した");
    }

    @Test
    void givenAsahikawasHtmlCopyOfV2Storage_whenNormalised_thenSameAsTheVersionAfterItsHeading() {
        String body = PLATFORM_V2_STORAGE_ASAHIKAWA.replace("<p>＜中間サーバー・プラットフォームにおける措置＞</p>", "");

        assertThat(MatchingText.of(body)).isEqualTo(MatchingText.of(PLATFORM_V2_STORAGE));
    }

    @Test
    void givenNullOrBlank_whenNormalised_thenEmpty() {
        assertThat(MatchingText.of(null)).isEmpty();
        assertThat(MatchingText.of(" <p>　</p> ")).isEmpty();
    }
}
