package jp.hyoka.domain.rules.threshold;

import jp.hyoka.domain.form.FormKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The しきい値判断結果 each form prints (DOMAIN.md §3.3), with "(任意に…)" when the document does more than is mandatory. */
class ThresholdResultTextTest {

    @ParameterizedTest(name = "{0} on a {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            BASIC_AND_ALL_ITEMS | ALL_ITEMS   | 基礎項目評価及び全項目評価の実施が義務付けられる
            BASIC_AND_KEY_ITEMS | ALL_ITEMS   | 基礎項目評価及び重点項目評価の実施が義務付けられる(任意に全項目評価を実施)
            BASIC               | ALL_ITEMS   | 基礎項目評価の実施が義務付けられる(任意に全項目評価を実施)
            NONE                | ALL_ITEMS   | 特定個人情報保護評価の実施が義務付けられない(任意に全項目評価を実施)
            BASIC_AND_ALL_ITEMS | KEY_ITEMS   | -
            BASIC_AND_KEY_ITEMS | KEY_ITEMS   | 基礎項目評価及び重点項目評価の実施が義務付けられる
            BASIC               | KEY_ITEMS   | 基礎項目評価の実施が義務付けられる(任意に重点項目評価を実施)
            NONE                | KEY_ITEMS   | 特定個人情報保護評価の実施が義務付けられない(任意に重点項目評価を実施)
            BASIC_AND_ALL_ITEMS | BASIC_ITEMS | 基礎項目評価及び全項目評価の実施が義務付けられる
            BASIC_AND_KEY_ITEMS | BASIC_ITEMS | 基礎項目評価及び重点項目評価の実施が義務付けられる
            BASIC               | BASIC_ITEMS | 基礎項目評価の実施が義務付けられる
            NONE                | BASIC_ITEMS | 特定個人情報保護評価の実施が義務付けられない
            """)
    void givenAMandatoryLevel_whenRenderedForAFormKind_thenTheOfficialStringOrNoneIfTheFormHasNoSuchOption(
            MandatoryLevel mandatory, FormKind kind, String expected) {
        assertThat(ThresholdResultTexts.render(mandatory, kind).orElse(null)).isEqualTo(expected);
    }

    @Test
    void givenThe全項目評価書_whenItsOptionsAreListed_thenFourInTheFormsOrder() {
        assertThat(ThresholdResultTexts.options(FormKind.ALL_ITEMS)).containsExactly(
                "基礎項目評価及び全項目評価の実施が義務付けられる",
                "基礎項目評価及び重点項目評価の実施が義務付けられる(任意に全項目評価を実施)",
                "基礎項目評価の実施が義務付けられる(任意に全項目評価を実施)",
                "特定個人情報保護評価の実施が義務付けられない(任意に全項目評価を実施)");
    }

    @Test
    void givenThe重点項目評価書_whenItsOptionsAreListed_thenThreeInTheFormsOrder() {
        assertThat(ThresholdResultTexts.options(FormKind.KEY_ITEMS)).containsExactly(
                "基礎項目評価及び重点項目評価の実施が義務付けられる",
                "基礎項目評価の実施が義務付けられる(任意に重点項目評価を実施)",
                "特定個人情報保護評価の実施が義務付けられない(任意に重点項目評価を実施)");
    }

    @Test
    void givenThe基礎項目評価書_whenItsOptionsAreListed_thenTheFourObligationsWithoutSuffix() {
        assertThat(ThresholdResultTexts.options(FormKind.BASIC_ITEMS)).containsExactly(
                "基礎項目評価及び全項目評価の実施が義務付けられる",
                "基礎項目評価及び重点項目評価の実施が義務付けられる",
                "基礎項目評価の実施が義務付けられる",
                "特定個人情報保護評価の実施が義務付けられない");
    }

    @Test
    void givenSumida令和2年_whenA重点DocumentIsJudgedBasicOnly_thenItPrintsTheVoluntaryString() {
        ThresholdDecision decision = ThresholdJudgementTest.judge(50_000, false, false);

        assertThat(decision.resultText(FormKind.KEY_ITEMS))
                .contains("基礎項目評価の実施が義務付けられる(任意に重点項目評価を実施)");
    }
}
