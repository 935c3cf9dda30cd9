package jp.hyoka.domain.rules.threshold;

import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.rules.incidents.SeriousIncident;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentThresholdTest {

    private static final LocalDate COUNTED = LocalDate.of(2025, 4, 1);

    @Test
    void givenABasicDocumentAnsweringEverything_whenChecked_thenItsOwnAnswersDecideAndAgreeWithItsStatedResult() {
        DocumentThresholdCheck check = DocumentThreshold.check(basic(PersonsBand.FROM_10_000_UNDER_100_000, true, false,
                Optional.of(MandatoryLevel.BASIC_AND_KEY_ITEMS)));

        assertThat(check.decision()).map(ThresholdDecision::mandatory).contains(MandatoryLevel.BASIC_AND_KEY_ITEMS);
        assertThat(check.warnings()).containsExactly("基礎項目評価及び重点項目評価の実施が義務付けられるため、"
                + "基礎項目評価書では足りない(重点項目評価書が必要)");
    }

    @Test
    void givenAStatedResultItsInputsContradict_whenChecked_thenAWarningNamesBoth() {
        DocumentThresholdCheck check = DocumentThreshold.check(basic(PersonsBand.FROM_1_000_UNDER_10_000, false, false,
                Optional.of(MandatoryLevel.BASIC_AND_ALL_ITEMS)));

        assertThat(check.warnings()).anySatisfy(warning -> assertThat(warning)
                .contains("記載のしきい値判断結果(基礎項目評価及び全項目評価の実施が義務付けられる)")
                .contains("導かれる結果(基礎項目評価の実施が義務付けられる)"));
    }

    @Test
    void givenAKeyItemsDocumentInABandThatWeighsTheConditions_whenChecked_thenARangeAndTheStatedResultWithinItCounts() {
        DocumentThresholdCheck check = DocumentThreshold.check(new DocumentThresholdAnswers(FormKind.KEY_ITEMS,
                Optional.of(PersonsBand.FROM_100_000_UNDER_300_000), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(MandatoryLevel.BASIC_AND_ALL_ITEMS)));

        assertThat(check.decision()).isEmpty();
        assertThat(check.lowest()).contains(MandatoryLevel.BASIC_AND_KEY_ITEMS);
        assertThat(check.highest()).contains(MandatoryLevel.BASIC_AND_ALL_ITEMS);
        assertThat(check.warnings()).anySatisfy(warning -> assertThat(warning).contains("基礎項目評価書の回答による"));
        assertThat(check.warnings()).anySatisfy(warning -> assertThat(warning)
                .contains("重点項目評価書では足りない(全項目評価書が必要)"));
    }

    @Test
    void givenABandThatDecidesAlone_whenTheConditionsAreUnanswered_thenTheBandDecides() {
        DocumentThresholdCheck check = DocumentThreshold.check(new DocumentThresholdAnswers(FormKind.ALL_ITEMS,
                Optional.of(PersonsBand.FROM_300_000), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(MandatoryLevel.BASIC_AND_ALL_ITEMS)));

        assertThat(check.decision()).map(ThresholdDecision::mandatory).contains(MandatoryLevel.BASIC_AND_ALL_ITEMS);
        assertThat(check.warnings()).isEmpty();
    }

    @Test
    void givenNoBand_whenChecked_thenNothingIsDecidedAndTheWarningSaysWhy() {
        DocumentThresholdCheck check = DocumentThreshold.check(new DocumentThresholdAnswers(FormKind.KEY_ITEMS,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));

        assertThat(check.decision()).isEmpty();
        assertThat(check.warnings()).containsExactly("対象人数が未回答のため、しきい値判断ができない");
    }

    @Test
    void givenABasicDocumentWithoutTheCountingDate_whenChecked_thenItIsAskedFor() {
        DocumentThresholdCheck check = DocumentThreshold.check(new DocumentThresholdAnswers(FormKind.BASIC_ITEMS,
                Optional.of(PersonsBand.FROM_1_000_UNDER_10_000), Optional.empty(), Optional.of(false),
                Optional.of(COUNTED), Optional.of(false), Optional.of(MandatoryLevel.BASIC)));

        assertThat(check.warnings()).containsExactly("対象人数がいつ時点の計数かが未回答");
    }

    @Test
    void givenARecordedIncidentWithinTheYear_whenTheDocumentAnswersNone_thenItIsWarned() {
        DocumentThresholdCheck check = DocumentThreshold.check(basic(PersonsBand.FROM_10_000_UNDER_100_000, false,
                false, Optional.of(MandatoryLevel.BASIC)), java.util.List.of(incident(2024, 1, 1),
                incident(2025, 3, 1)), LocalDate.of(2026, 3, 1));

        // the day a year after the discovery still counts; the incident raises the level to 重点
        assertThat(check.warnings()).first().isEqualTo("過去1年以内の特定個人情報に関する重大事故(令和7年3月1日発覚)が"
                + "記録されているが、「発生なし」と回答している(「発生あり」として判断した)");
        assertThat(check.level()).contains(MandatoryLevel.BASIC_AND_KEY_ITEMS);
    }

    @Test
    void givenAKeyItemsDocument_whenAnIncidentWithinTheYearIsRecorded_thenItSaysTheJudgementMustCountIt() {
        DocumentThresholdCheck check = DocumentThreshold.check(new DocumentThresholdAnswers(FormKind.KEY_ITEMS,
                Optional.of(PersonsBand.FROM_1_000_UNDER_10_000), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), java.util.List.of(incident(2026, 3, 1)),
                LocalDate.of(2026, 3, 1));

        assertThat(check.warnings()).singleElement().asString().contains("「発生あり」として判断する");
    }

    @Test
    void givenAnIncidentOverAYearOldOfOtherDataOrAnsweredAsOccurred_whenChecked_thenNoIncidentWarning() {
        DocumentThresholdAnswers answersNone = basic(PersonsBand.FROM_1_000_UNDER_10_000, false, false,
                Optional.of(MandatoryLevel.BASIC));
        DocumentThresholdAnswers answersOccurred = basic(PersonsBand.FROM_1_000_UNDER_10_000, false, true,
                Optional.of(MandatoryLevel.BASIC));

        assertThat(DocumentThreshold.check(answersNone, java.util.List.of(incident(2025, 2, 28)),
                LocalDate.of(2026, 3, 1)).warnings()).isEmpty();
        assertThat(DocumentThreshold.check(answersNone, java.util.List.of(
                new SeriousIncident(LocalDate.of(2026, 1, 1), false)), LocalDate.of(2026, 3, 1)).warnings()).isEmpty();
        assertThat(DocumentThreshold.check(answersOccurred, java.util.List.of(incident(2026, 1, 1)),
                LocalDate.of(2026, 3, 1)).warnings()).isEmpty();
    }

    private static SeriousIncident incident(int year, int month, int day) {
        return new SeriousIncident(LocalDate.of(year, month, day), true);
    }

    private static DocumentThresholdAnswers basic(PersonsBand band, boolean handlers, boolean incident,
                                                  Optional<MandatoryLevel> stated) {
        return new DocumentThresholdAnswers(FormKind.BASIC_ITEMS, Optional.of(band), Optional.of(COUNTED),
                Optional.of(handlers), Optional.of(COUNTED), Optional.of(incident), stated);
    }
}
