package jp.hyoka.domain.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a PDF-to-text extraction leaves of a page break is told from content that looks alike. */
class PageMarksTest {

    @ParameterizedTest
    @ValueSource(strings = {"- 12 -", "－１２－", "―3―", "12/40", "12 / 40", "３/９", "12ページ", "p. 7",
        "特定個人情報保護評価書(基礎項目評価書)", "特定個人情報保護評価書（全項目評価書）"})
    void givenAPageNumberOrTheRunningTitle_whenAsked_thenItIsAPageMark(String line) {
        assertThat(PageMarks.isPageMark(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "令和7年4月1日", "2015/10/1", "－", "1) 10人未満", "(6) 件", "評価書番号",
        "特定個人情報保護評価書(基礎項目評価書)の記載", "1の項、17の項、79の項", ""})
    void givenContentThatLooksAlike_whenAsked_thenItIsNoPageMark(String line) {
        assertThat(PageMarks.isPageMark(line)).isFalse();
    }
}
