package jp.hyoka.server.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTest {

    @Test
    void givenWildcardsAndTheEscape_whenMadeAPattern_thenEachIsLiteral() {
        assertThat(SearchQuery.of("100%_\\達成").orElseThrow().containsPattern()).isEqualTo("%100\\%\\_\\\\達成%");
    }

    @Test
    void givenFullWidthAndHalfWidthForms_whenNormalised_thenNfkcWithOneSpaceBetweenWords() {
        SearchQuery query = SearchQuery.of("  ＡＰ　ｻｰﾊﾞｰ \t ％ ").orElseThrow();

        assertThat(query.text()).isEqualTo("AP サーバー %");
        assertThat(query.containsPattern()).isEqualTo("%AP サーバー \\%%");
    }

    @Test
    void givenOnlyBlanksOrControlCharacters_whenNormalised_thenNothingToSearch() {
        assertThat(SearchQuery.of(" \u3000\t")).isEmpty();
        assertThat(SearchQuery.of("\u0007\u200B")).isEmpty();
    }

    @Test
    void givenCharactersOutsideTheBasicPlane_whenMeasured_thenEachCountsOnce() {
        assertThat(SearchQuery.of("𠮷野家").orElseThrow().length()).isEqualTo(3);
    }
}
