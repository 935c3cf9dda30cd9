package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.RecordAffairEnd;
import jp.hyoka.domain.assessment.event.AffairEnded;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.StaleRevision;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.ProcedureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** 事務終了 (DOMAIN.md §3.4): recorded on any version, dated no later than today in Japan, correctable. */
class RecordAffairEndTest {

    /** T1 is 2025-04-01 10:00 in Japan. */
    private static final LocalDate TODAY_IN_JAPAN = LocalDate.of(2025, 4, 1);

    private final DeciderSpec spec = ProcedureFixtures.spec();

    private static RecordAffairEnd end(AssessmentEvent[] history, LocalDate on) {
        return new RecordAffairEnd(ALL_ID, KAWASAKI, revision(history), on, "事務の廃止", YAMADA, T1);
    }

    @Test
    void givenAPublishedAssessment_whenItsAffairEndedToday_thenTheEndIsRecordedWithItsReason() {
        AssessmentEvent[] published = taken(started(FormKind.KEY_ITEMS), publish(started(FormKind.KEY_ITEMS),
                LocalDate.of(2025, 3, 1)));

        spec.given(published).when(end(published, TODAY_IN_JAPAN));

        spec.thenEvents(new AffairEnded(ALL_ID, KAWASAKI, TODAY_IN_JAPAN, "事務の廃止", YAMADA, T1));
    }

    @Test
    void givenAnEndRecorded_whenItIsRecordedAgainWithAnotherDate_thenTheCorrectionIsAnotherEvent() {
        AssessmentEvent[] ended = taken(started(FormKind.KEY_ITEMS),
                end(started(FormKind.KEY_ITEMS), LocalDate.of(2025, 3, 31)));

        spec.given(ended).when(end(ended, LocalDate.of(2025, 3, 20)));

        assertThat(spec.thenProduced()).singleElement().isInstanceOf(AffairEnded.class)
                .extracting(event -> ((AffairEnded) event).endedOn()).isEqualTo(LocalDate.of(2025, 3, 20));
    }

    @Test
    void givenAnAssessment_whenTheEndIsTomorrowInJapan_thenItIsRefused() {
        AssessmentEvent[] draft = started(FormKind.ALL_ITEMS);

        spec.given(draft).when(end(draft, TODAY_IN_JAPAN.plusDays(1)));

        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("endedOn");
    }

    @Test
    void givenAnAssessment_whenTheEndIsBeforeTheMyNumberActTookEffect_thenItIsRefused() {
        AssessmentEvent[] draft = started(FormKind.ALL_ITEMS);

        spec.given(draft).when(end(draft, LocalDate.of(2015, 10, 4)));

        assertThat(spec.thenRejected(InvalidInput.class).problem()).contains("番号法");
    }

    @Test
    void givenAnAssessment_whenNoEndDateIsGiven_thenItIsRefused() {
        AssessmentEvent[] draft = started(FormKind.ALL_ITEMS);

        spec.given(draft).when(end(draft, null));

        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("endedOn");
    }

    @Test
    void givenAnAssessment_whenTheEndIsRecordedOnAStaleRevision_thenItIsRefused() {
        AssessmentEvent[] draft = started(FormKind.ALL_ITEMS);

        spec.given(draft).when(new RecordAffairEnd(ALL_ID, KAWASAKI, 7, TODAY_IN_JAPAN, null, YAMADA, T1));

        spec.thenRejected(StaleRevision.class);
    }

    @Test
    void givenAnotherMunicipalitysAssessment_whenItsEndIsRecorded_thenItIsNotFound() {
        AssessmentEvent[] draft = started(FormKind.ALL_ITEMS);

        spec.given(draft).when(new RecordAffairEnd(ALL_ID, ASAHIKAWA, revision(draft), TODAY_IN_JAPAN, null,
                YAMADA, T1));

        spec.thenRejected(AssessmentNotFound.class);
    }
}
