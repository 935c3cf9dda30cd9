package jp.hyoka.domain.rules.deadlines;

import jp.hyoka.domain.rules.incidents.SeriousIncident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTest {

    private static final LocalDate FIRST = LocalDate.of(2021, 6, 11);

    @Test
    void givenNothingPublished_whenDeadlinesAreAsked_thenThereAreNone() {
        assertThat(Deadlines.of(List.of(), LocalDate.of(2026, 12, 6))).isEmpty();
    }

    @Test
    void givenOnlyAFirstPublication_whenDeadlinesAreAsked_thenTheReviewIsDueAYearLaterAndTheReassessmentFiveYearsLater() {
        List<Deadline> deadlines = Deadlines.of(List.of(new Publication(FIRST, true)), LocalDate.of(2021, 7, 1));

        assertThat(deadlines).containsExactly(
                new Deadline(DeadlineKind.ANNUAL_REVIEW, LocalDate.of(2022, 6, 11), FIRST, DeadlineStatus.UPCOMING),
                new Deadline(DeadlineKind.FIVE_YEAR_REASSESSMENT, LocalDate.of(2026, 6, 11), FIRST,
                        DeadlineStatus.UPCOMING));
    }

    @Test
    void givenALaterCorrection_whenDeadlinesAreAsked_thenItRenewsTheReviewButNotTheFiveYears() {
        LocalDate correction = LocalDate.of(2024, 3, 1);

        List<Deadline> deadlines = Deadlines.of(List.of(new Publication(FIRST, true),
                new Publication(correction, false)), LocalDate.of(2024, 4, 1));

        assertThat(deadlines).extracting(Deadline::kind, Deadline::countedFrom, Deadline::dueOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DeadlineKind.ANNUAL_REVIEW, correction, LocalDate.of(2025, 3, 1)),
                org.assertj.core.groups.Tuple.tuple(DeadlineKind.FIVE_YEAR_REASSESSMENT, FIRST,
                        LocalDate.of(2026, 6, 11)));
    }

    @Test
    void givenALaterReassessment_whenDeadlinesAreAsked_thenTheFiveYearsRunFromIt() {
        LocalDate reassessed = LocalDate.of(2025, 9, 30);

        List<Deadline> deadlines = Deadlines.of(List.of(new Publication(FIRST, true),
                new Publication(LocalDate.of(2023, 1, 5), false), new Publication(reassessed, true)),
                LocalDate.of(2025, 10, 1));

        assertThat(deadlines).filteredOn(deadline -> deadline.kind() == DeadlineKind.FIVE_YEAR_REASSESSMENT)
                .extracting(Deadline::dueOn).containsExactly(LocalDate.of(2030, 9, 30));
    }

    @Test
    void givenNoPublicationMarkedAsAReassessment_whenDeadlinesAreAsked_thenTheEarliestKnownOneCounts() {
        List<Deadline> deadlines = Deadlines.of(List.of(new Publication(LocalDate.of(2022, 2, 1), false),
                new Publication(LocalDate.of(2019, 8, 20), false)), LocalDate.of(2024, 1, 1));

        assertThat(deadlines).filteredOn(deadline -> deadline.kind() == DeadlineKind.FIVE_YEAR_REASSESSMENT)
                .extracting(Deadline::dueOn, Deadline::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 8, 20),
                        DeadlineStatus.UPCOMING));
    }

    @ParameterizedTest(name = "due {0}, asked {1}: {2}")
    @CsvSource({
            "2026-06-11, 2026-06-12, OVERDUE",
            "2026-06-11, 2026-06-11, DUE_SOON",
            "2026-06-11, 2026-03-13, DUE_SOON",
            "2026-06-11, 2026-03-12, UPCOMING"})
    void givenADueDate_whenAskedOnADay_thenItsStatusFollowsTheNinetyDayWindow(LocalDate due, LocalDate asOf,
                                                                           DeadlineStatus expected) {
        assertThat(Deadlines.status(DeadlineKind.ANNUAL_REVIEW, due, asOf)).isEqualTo(expected);
    }

    @Test
    void givenAPublicationOnALeapDay_whenItsYearComes_thenTheReviewIsDueOnTheLastDayOfFebruary() {
        List<Deadline> deadlines = Deadlines.of(List.of(new Publication(LocalDate.of(2024, 2, 29), true)),
                LocalDate.of(2024, 3, 1));

        assertThat(deadlines.get(0).dueOn()).isEqualTo(LocalDate.of(2025, 2, 28));
    }
    @Test
    void givenAnAffairThatEnded_whenDeadlinesAreAsked_thenNothingFallsDueAfterTheEndAndItStaysPublishedThreeYears() {
        LocalDate ended = LocalDate.of(2023, 3, 31);

        List<Deadline> deadlines = Deadlines.of(new DeadlineFacts(List.of(new Publication(FIRST, true),
                new Publication(LocalDate.of(2022, 6, 1), false)), ended, List.of(), null), LocalDate.of(2026, 4, 1));

        assertThat(deadlines).extracting(Deadline::kind, Deadline::dueOn, Deadline::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DeadlineKind.PUBLICATION_AFTER_AFFAIR_END,
                        LocalDate.of(2026, 3, 31), DeadlineStatus.ELAPSED));
    }

    @Test
    void givenAnAffairEndingAfterAReviewFellDue_whenDeadlinesAreAsked_thenThatReviewIsStillListed() {
        List<Deadline> deadlines = Deadlines.of(new DeadlineFacts(List.of(new Publication(FIRST, true)),
                LocalDate.of(2022, 7, 1), List.of(), null), LocalDate.of(2022, 7, 2));

        assertThat(deadlines).extracting(Deadline::kind, Deadline::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DeadlineKind.ANNUAL_REVIEW, DeadlineStatus.OVERDUE),
                org.assertj.core.groups.Tuple.tuple(DeadlineKind.PUBLICATION_AFTER_AFFAIR_END,
                        DeadlineStatus.UPCOMING));
    }

    @Test
    void givenASeriousIncident_whenDeadlinesAreAsked_thenItsOneYearAndThreeYearWindowsAreListedEvenForADraft() {
        LocalDate discovered = LocalDate.of(2018, 12, 14);

        List<Deadline> deadlines = Deadlines.of(new DeadlineFacts(List.of(), null,
                List.of(new SeriousIncident(discovered, true)), null), LocalDate.of(2019, 12, 14));

        assertThat(deadlines).extracting(Deadline::kind, Deadline::countedFrom, Deadline::dueOn, Deadline::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DeadlineKind.SERIOUS_INCIDENT_THRESHOLD, discovered,
                                LocalDate.of(2019, 12, 14), DeadlineStatus.DUE_SOON),
                        org.assertj.core.groups.Tuple.tuple(DeadlineKind.SERIOUS_INCIDENT_DISCLOSURE, discovered,
                                LocalDate.of(2021, 12, 14), DeadlineStatus.UPCOMING));
    }

    @Test
    void givenASeriousIncidentWindowThatEnded_whenAsked_thenItHasElapsedRatherThanBeingOverdue() {
        List<Deadline> deadlines = Deadlines.of(new DeadlineFacts(List.of(), null,
                List.of(new SeriousIncident(LocalDate.of(2018, 12, 14), true)), null), LocalDate.of(2019, 12, 15));

        assertThat(deadlines).extracting(Deadline::status)
                .containsExactly(DeadlineStatus.ELAPSED, DeadlineStatus.UPCOMING);
    }

    @Test
    void givenASeriousIncidentAfterTheAffairEnded_whenDeadlinesAreAsked_thenItOpensNoWindowOnThatAffair() {
        List<Deadline> deadlines = Deadlines.of(new DeadlineFacts(List.of(), LocalDate.of(2020, 3, 31),
                List.of(new SeriousIncident(LocalDate.of(2020, 4, 1), true)), null), LocalDate.of(2020, 5, 1));

        assertThat(deadlines).extracting(Deadline::kind).containsExactly(DeadlineKind.PUBLICATION_AFTER_AFFAIR_END);
    }

    @Test
    void givenAnIncidentOfOtherPersonalInformation_whenDeadlinesAreAsked_thenOnlyItsThreeYearDisclosureWindowIsListed() {
        List<Deadline> deadlines = Deadlines.of(new DeadlineFacts(List.of(), null,
                List.of(new SeriousIncident(LocalDate.of(2025, 1, 10), false)), null), LocalDate.of(2025, 2, 1));

        assertThat(deadlines).extracting(Deadline::kind).containsExactly(DeadlineKind.SERIOUS_INCIDENT_DISCLOSURE);
    }

    @Test
    void givenAnAssessmentStartedAfterAnIncidentsWindowClosed_whenDeadlinesAreAsked_thenThatWindowIsNotItsConcern() {
        List<Deadline> deadlines = Deadlines.of(new DeadlineFacts(List.of(), null,
                List.of(new SeriousIncident(LocalDate.of(2020, 1, 10), true)), LocalDate.of(2022, 5, 1)),
                LocalDate.of(2022, 6, 1));

        assertThat(deadlines).extracting(Deadline::kind, Deadline::dueOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DeadlineKind.SERIOUS_INCIDENT_DISCLOSURE, LocalDate.of(2023, 1, 10)));
    }
}
