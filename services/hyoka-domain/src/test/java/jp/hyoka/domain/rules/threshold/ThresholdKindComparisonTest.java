package jp.hyoka.domain.rules.threshold;

import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.rules.threshold.KindComparison.Sufficiency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static jp.hyoka.domain.rules.threshold.ThresholdJudgementTest.judge;
import static org.assertj.core.api.Assertions.assertThat;

/** Whether a document of a kind does what is mandatory; below it, a warning says which kind is needed. */
class ThresholdKindComparisonTest {

    @ParameterizedTest(name = "{1} where {0}")
    @CsvSource(delimiter = '|', textBlock = """
            NONE                | BASIC_ITEMS | ABOVE_MANDATORY
            NONE                | ALL_ITEMS   | ABOVE_MANDATORY
            BASIC               | BASIC_ITEMS | AS_MANDATORY
            BASIC               | KEY_ITEMS   | ABOVE_MANDATORY
            BASIC_AND_KEY_ITEMS | BASIC_ITEMS | BELOW_MANDATORY
            BASIC_AND_KEY_ITEMS | KEY_ITEMS   | AS_MANDATORY
            BASIC_AND_KEY_ITEMS | ALL_ITEMS   | ABOVE_MANDATORY
            BASIC_AND_ALL_ITEMS | KEY_ITEMS   | BELOW_MANDATORY
            BASIC_AND_ALL_ITEMS | ALL_ITEMS   | AS_MANDATORY
            """)
    void givenAMandatoryLevel_whenAKindIsCompared_thenItIsAsAboveOrBelowIt(MandatoryLevel mandatory, FormKind kind,
                                                                         Sufficiency expected) {
        KindComparison comparison = KindComparison.of(mandatory, kind);

        assertThat(comparison.sufficiency()).isEqualTo(expected);
        assertThat(comparison.sufficient()).isEqualTo(expected != Sufficiency.BELOW_MANDATORY);
        assertThat(comparison.warning().isPresent()).isEqualTo(expected == Sufficiency.BELOW_MANDATORY);
    }

    @Test
    void givenFullItemsMandatory_whenA重点DocumentIsCompared_thenWarnedThatA全項目評価書IsNeeded() {
        KindComparison comparison = judge(300_000, false, false).compare(FormKind.KEY_ITEMS);

        assertThat(comparison.sufficient()).isFalse();
        assertThat(comparison.warning()).contains(
                "基礎項目評価及び全項目評価の実施が義務付けられるため、重点項目評価書では足りない(全項目評価書が必要)");
    }

    @Test
    void givenKeyItemsMandatory_whenOnlyA基礎DocumentIsCompared_thenWarnedThatA重点項目評価書IsNeeded() {
        assertThat(judge(50_000, true, false).compare(FormKind.BASIC_ITEMS).warning()).contains(
                "基礎項目評価及び重点項目評価の実施が義務付けられるため、基礎項目評価書では足りない(重点項目評価書が必要)");
    }
}
