package jp.hyoka.server.rules;

import jp.hyoka.domain.rules.deadlines.Deadline;
import jp.hyoka.domain.rules.deadlines.DeadlineKind;
import jp.hyoka.domain.rules.deadlines.DeadlineStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A pass tells a status for a week after it was reached (due soon: 90 days before; overdue: the day after). */
class DeadlineAnnouncerTest {

    @ParameterizedTest(name = "{1} due {0}, pass on {2}: {3}")
    @CsvSource({
            "2026-04-01, DUE_SOON, 2026-01-01, true",
            "2026-04-01, DUE_SOON, 2026-01-08, true",
            "2026-04-01, DUE_SOON, 2026-01-09, false",
            "2026-04-01, OVERDUE, 2026-04-02, true",
            "2026-04-01, OVERDUE, 2026-04-09, true",
            "2026-04-01, OVERDUE, 2026-04-10, false",
            "2026-04-01, ELAPSED, 2026-04-05, true"})
    void givenADeadlineInAStatus_whenAPassRunsOnADay_thenItIsToldOnlyWithinTheCatchUpWeek(LocalDate due,
                                                                                        DeadlineStatus status,
                                                                                        LocalDate day, boolean told) {
        Deadline deadline = new Deadline(DeadlineKind.ANNUAL_REVIEW, due, due.minusYears(1), status);

        assertThat(DeadlineAnnouncer.reachedRecently(deadline, day)).isEqualTo(told);
    }
}
