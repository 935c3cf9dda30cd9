package jp.hyoka.domain.components.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.components.text.BoilerplateTexts.PLATFORM_V2_STORAGE;
import static org.assertj.core.api.Assertions.assertThat;

class BoilerplateSectionsTest {

    /** Sample 004, II 6 保管場所 (line 162), abridged in the middle of the first section. */
    private static final String ASAHIKAWA_STORAGE_CELL = "<p>＜ガバメントクラウドにおける措置＞ ①サーバ等はクラウド事業者が保有・管理する環境に設置する。</p> "
            + "<p>＜紙媒体の保管＞ ・ 紙媒体の情報については、旭川市の事務取扱規程に基づく文書保管(保存及び廃棄)を行う。</p> "
            + "<p>＜中間サーバー・プラットフォームにおける措置＞ " + PLATFORM_V2_STORAGE + "</p>";

    @Test
    void givenACellWithThreeBracketedHeadings_whenSplit_thenThreeSectionsWithTheirBodies() {
        List<BoilerplateSection> sections = BoilerplateSections.of(ASAHIKAWA_STORAGE_CELL);

        assertThat(sections).extracting(BoilerplateSection::heading)
                .containsExactly("ガバメントクラウドにおける措置", "紙媒体の保管", "中間サーバー・プラットフォームにおける措置");
        assertThat(sections.get(0).body()).isEqualTo("①サーバ等はクラウド事業者が保有・管理する環境に設置する。</p>");
        assertThat(MatchingText.of(sections.get(2).body())).isEqualTo(MatchingText.of(PLATFORM_V2_STORAGE));
    }

    @Test
    void givenHeadingsEscapedAsStoredAnswersHoldThem_whenSplit_thenTheyAreHeadingsToo() {
        String stored = "<p>&lt;横浜市における措置&gt; ・サーバー機器はデータセンターに設置する。</p> "
                + "<p>&lt;中間サーバー・プラットフォームにおける措置&gt; " + PLATFORM_V2_STORAGE + "</p> <p>&lt;p&gt; は本文</p>";

        List<BoilerplateSection> sections = BoilerplateSections.of(stored);

        assertThat(sections).extracting(BoilerplateSection::heading)
                .containsExactly("横浜市における措置", "中間サーバー・プラットフォームにおける措置");
        assertThat(sections.get(1).body()).startsWith(PLATFORM_V2_STORAGE).endsWith("<p>&lt;p&gt; は本文</p>");
    }

    @Test
    void givenNumberedHeadings_whenSplit_thenTheHeadingWordsWithoutNumbers() {
        String cell = "<p>1 旭川市における措置 本市では、中間サーバーが行う構成となっている。</p> "
                + "<p>2 中間サーバー・ソフトウェアにおける措置 (1) 中間サーバーの職員認証・権限管理機能では、記録が実施される。</p>";

        assertThat(BoilerplateSections.of(cell))
                .containsExactly(new BoilerplateSection("旭川市における措置", "本市では、中間サーバーが行う構成となっている。</p>"),
                        new BoilerplateSection("中間サーバー・ソフトウェアにおける措置",
                                "(1) 中間サーバーの職員認証・権限管理機能では、記録が実施される。</p>"));
    }

    @Test
    void givenParenthesesInsideSentences_whenSplit_thenNotHeadings() {
        String cell = "政府情報システムのためのセキュリティ評価制度(ISMAP)に登録された(1)クラウドサービス事業者";

        assertThat(BoilerplateSections.of(cell)).containsExactly(new BoilerplateSection("", cell));
    }

    @Test
    void givenTextBeforeTheFirstHeading_whenSplit_thenASectionWithoutHeading() {
        assertThat(BoilerplateSections.of("前文。 (ガバメントクラウドにおける措置) 本文。"))
                .containsExactly(new BoilerplateSection("", "前文。"),
                        new BoilerplateSection("ガバメントクラウドにおける措置", "本文。"));
    }

    @Test
    void givenAnEmptyCell_whenSplit_thenNoSection() {
        assertThat(BoilerplateSections.of("<p></p>")).isEmpty();
    }
}
