package jp.hyoka.domain.rules.threshold;

import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static jp.hyoka.domain.rules.threshold.AggravatingCondition.HANDLERS_AT_LEAST_500;
import static jp.hyoka.domain.rules.threshold.AggravatingCondition.SERIOUS_INCIDENT_IN_PAST_YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The decision table of DOMAIN.md §3.2, every cell, on both sides of every band edge. */
class ThresholdJudgementTest {

    @ParameterizedTest(name = "対象人数 {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # persons | band                       | neither             | 取扱者数≥500         | 重大事故             | both
            0         | UNDER_1_000                | NONE                | NONE                | NONE                | NONE
            999       | UNDER_1_000                | NONE                | NONE                | NONE                | NONE
            1000      | FROM_1_000_UNDER_10_000    | BASIC               | BASIC               | BASIC               | BASIC
            9999      | FROM_1_000_UNDER_10_000    | BASIC               | BASIC               | BASIC               | BASIC
            10000     | FROM_10_000_UNDER_100_000  | BASIC               | BASIC_AND_KEY_ITEMS | BASIC_AND_KEY_ITEMS | BASIC_AND_KEY_ITEMS
            99999     | FROM_10_000_UNDER_100_000  | BASIC               | BASIC_AND_KEY_ITEMS | BASIC_AND_KEY_ITEMS | BASIC_AND_KEY_ITEMS
            100000    | FROM_100_000_UNDER_300_000 | BASIC_AND_KEY_ITEMS | BASIC_AND_ALL_ITEMS | BASIC_AND_ALL_ITEMS | BASIC_AND_ALL_ITEMS
            299999    | FROM_100_000_UNDER_300_000 | BASIC_AND_KEY_ITEMS | BASIC_AND_ALL_ITEMS | BASIC_AND_ALL_ITEMS | BASIC_AND_ALL_ITEMS
            300000    | FROM_300_000               | BASIC_AND_ALL_ITEMS | BASIC_AND_ALL_ITEMS | BASIC_AND_ALL_ITEMS | BASIC_AND_ALL_ITEMS
            2147483647| FROM_300_000               | BASIC_AND_ALL_ITEMS | BASIC_AND_ALL_ITEMS | BASIC_AND_ALL_ITEMS | BASIC_AND_ALL_ITEMS
            """)
    void givenPersonsAndConditions_whenJudged_thenTheTableCellIsMandatory(long persons, PersonsBand band,
            MandatoryLevel neither, MandatoryLevel handlers, MandatoryLevel incident, MandatoryLevel both) {
        assertThat(judge(persons, false, false).band()).isEqualTo(band);
        assertThat(judge(persons, false, false).mandatory()).as("neither condition").isEqualTo(neither);
        assertThat(judge(persons, true, false).mandatory()).as("取扱者数 ≥ 500").isEqualTo(handlers);
        assertThat(judge(persons, false, true).mandatory()).as("重大事故 within a year").isEqualTo(incident);
        assertThat(judge(persons, true, true).mandatory()).as("both").isEqualTo(both);
    }

    @Test
    void givenAMiddleBandWithBothConditions_whenJudged_thenBothAreNamedAsAggravating() {
        assertThat(judge(50_000, true, true).aggravatedBy())
                .containsExactly(HANDLERS_AT_LEAST_500, SERIOUS_INCIDENT_IN_PAST_YEAR);
        assertThat(judge(150_000, false, true).aggravatedBy()).containsExactly(SERIOUS_INCIDENT_IN_PAST_YEAR);
    }

    @Test
    void givenABandWhereTheCountAloneDecides_whenJudgedWithConditions_thenNoneIsNamedAsAggravating() {
        assertThat(judge(5_000, true, true).aggravatedBy()).isEmpty();
        assertThat(judge(300_000, true, true).aggravatedBy()).isEmpty();
    }

    @Test
    void givenNegativePersons_whenTheInputsAreMade_thenRefusedAsInvalidPersons() {
        CommandRejected refused = catchThrowableOfType(CommandRejected.class, () -> new ThresholdInputs(-1, false, false));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.rejection()).isInstanceOf(InvalidInput.class);
        assertThat(((InvalidInput) refused.rejection()).field()).isEqualTo("persons");
        assertThat(refused.rejection().message()).contains("-1");
    }

    static ThresholdDecision judge(long persons, boolean handlersAtLeast500, boolean seriousIncidentInPastYear) {
        return ThresholdJudgement.judge(new ThresholdInputs(persons, handlersAtLeast500, seriousIncidentInPastYear));
    }
}
