package jp.hyoka.domain.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a PDF-to-text extraction leaves of a page break is told from content that looks alike. */
class PageMarksTest {

    @ParameterizedTest
    @ValueSource(strings = {"- 12 -", "－１２－", "―3―", "12/40", "12 / 40", "３/９", "12ページ", "p. 7",
        "特定個人情報保護評価書(基礎項目評価書)", "特定個人情報保護評価書（全項目評価書）"})
    void givenAPageNumberOrTheRunningTitle_whenAsked_thenItHasAPageMarksShape(String line) {
        assertThat(PageMarks.hasPageMarkShape(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "令和7年4月1日", "2015/10/1", "－", "1) 10人未満", "(6) 件", "評価書番号",
        "特定個人情報保護評価書(基礎項目評価書)の記載", "1の項、17の項、79の項", ""})
    void givenContentThatLooksAlike_whenAsked_thenItHasNoPageMarksShape(String line) {
        assertThat(PageMarks.hasPageMarkShape(line)).isFalse();
    }

    @Test
    void givenRisingMarksOfOneCount_whenRead_thenEachIsAPageMarkAlsoWhenAPageLostItsMark() {
        List<String> lines = List.of("①部署\t市民課", "1/5", "②所属長の役職名\t市民課長", "２／５", "本文", "4 / 5 ページ",
                "\t<p>続き</p>", "5/5");
        PageMarks marks = PageMarks.of(lines);

        assertThat(IntStream.rangeClosed(1, lines.size()).filter(n -> marks.isPageMark(n, text(lines, n))))
                .containsExactly(2, 4, 6, 8);
    }

    @Test
    void givenAValueLineThatIsJustAFraction_whenItDoesNotRiseWithTheMarks_thenItIsNoPageMark() {
        List<String> lines = List.of("判断の根拠\t<p>点検日は毎年", "4/1", "</p>", "1/3", "実施日\t令和7年", "3/12",
                "2/3", "本文", "\t3/12", "3/3");
        PageMarks marks = PageMarks.of(lines);

        assertThat(marks.isPageMark(2, "4/1")).as("page 4 of 1 is no page").isFalse();
        assertThat(marks.isPageMark(6, "3/12")).as("no other page of 12").isFalse();
        assertThat(marks.isPageMark(9, "3/12")).isFalse();
        assertThat(marks.isPageMark(4, "1/3")).isTrue();
        assertThat(marks.isPageMark(7, "2/3")).isTrue();
        assertThat(marks.isPageMark(10, "3/3")).isTrue();
    }

    @Test
    void givenAFractionThatRepeatsAPageAlreadyPassed_whenRead_thenOnlyTheRisingOnesArePageMarks() {
        List<String> lines = List.of("1/4", "本文", "2/4", "値", "1/4", "本文", "3/4", "本文", "4/4");
        PageMarks marks = PageMarks.of(lines);

        assertThat(IntStream.rangeClosed(1, lines.size()).filter(n -> marks.isPageMark(n, text(lines, n))))
                .containsExactly(1, 3, 7, 9);
    }

    @Test
    void givenASingleFractionAndOtherMarks_whenRead_thenTheFractionIsAValueAndTheOthersStayMarks() {
        List<String> lines = List.of("- 1 -", "実施日\t令和7年", "3/12", "- 2 -", "特定個人情報保護評価書(基礎項目評価書)");
        PageMarks marks = PageMarks.of(lines);

        assertThat(IntStream.rangeClosed(1, lines.size()).filter(n -> marks.isPageMark(n, text(lines, n))))
                .containsExactly(1, 4, 5);
    }

    @Test
    void givenALoneLastPageMarkAtTheEndOfTheText_whenRead_thenItIsAPageMark() {
        List<String> lines = List.of("(別添2) 変更箇所", "変更日\t項目\t変更前の記載\t変更後の記載\t提出時期\t提出時期に係る説明",
                "令和7年4月1日\tⅠ 5 ② 所属長の役職名\t課長\t部長\t事後\t人事異動", "6/6", "");
        PageMarks marks = PageMarks.of(lines);

        assertThat(marks.isPageMark(4, "6/6")).isTrue();
    }

    @Test
    void givenALoneLastPageMarkBeforeTheRunningTitleOrARepeatedHeading_whenRead_thenItIsAPageMark() {
        List<String> lines = List.of("(別添2) 変更箇所", "令和7年4月1日\tⅠ 5 ②\t課長\t部長\t事後\t", "3/3", "",
                "<p>(別添2) 変更箇所</p>", "令和7年4月1日\tⅠ 5 ③\t課長\t部長\t事後\t", "2/2", "特定個人情報保護評価書(基礎項目評価書)",
                "本文");
        PageMarks marks = PageMarks.of(lines);

        assertThat(marks.isPageMark(3, "3/3")).as("a repeated heading comes next").isTrue();
        assertThat(marks.isPageMark(7, "2/2")).as("the running title comes next").isTrue();
    }

    @Test
    void givenALoneFractionInsideAValue_whenTheValueRunsOn_thenItStaysAValue() {
        List<String> lines = List.of("判断の根拠\t<p>点検実施月数", "\t12/12", "\t)。</p>", "実施日\t毎年", "4/4",
                "次の項目\t値", "4/1");
        PageMarks marks = PageMarks.of(lines);

        assertThat(marks.isPageMark(2, "12/12")).as("the value's rest comes next").isFalse();
        assertThat(marks.isPageMark(5, "4/4")).as("new content comes next").isFalse();
        assertThat(marks.isPageMark(7, "4/1")).as("page 4 of 1, though at the end").isFalse();
    }

    private static String text(List<String> lines, int lineNumber) {
        return lines.get(lineNumber - 1).replaceAll("<[^>]+>", "").strip();
    }
}
