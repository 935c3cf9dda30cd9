package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.PublicCommentClosed;
import jp.hyoka.domain.assessment.event.PublicCommentOpened;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.procedure.ProcedureStep;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.ProcedureStepAlreadyDone;
import jp.hyoka.domain.rejection.ProcedureStepMissing;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.ProcedureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** 住民等の意見聴取 (VI 2): at least 30 days counting both ends, unless a 短縮理由 is stated; opened before closed. */
class PublicCommentProcedureTest {

    private final DeciderSpec spec = ProcedureFixtures.spec();
    private final AssessmentEvent[] draft = started(FormKind.ALL_ITEMS);

    @Test
    void givenAnAllItemsDraft_whenACommentPeriodOf30DaysIsOpened_thenItIsRecordedAndVI2PeriodIsAnswered() {
        spec.given(draft).when(open(draft, JUNE_1, LocalDate.of(2025, 6, 30), null));

        spec.thenEvents(new PublicCommentOpened(ALL_ID, KAWASAKI, 1, JUNE_1, LocalDate.of(2025, 6, 30), null, null,
                        YAMADA, T1),
                new ItemAnswered(ALL_ID, KAWASAKI, PERIOD, List.of(), null,
                        new TextAnswer("令和7年6月1日から令和7年6月30日までの30日間"), null, YAMADA, T1));
    }

    @Test
    void givenAnAllItemsDraft_whenAPeriodOf29DaysIsOpenedWithoutAReason_thenItIsRefusedNamingTheShorteningReason() {
        spec.given(draft).when(open(draft, JUNE_1, LocalDate.of(2025, 6, 29), "  "));

        InvalidInput refused = spec.thenRejected(InvalidInput.class);
        assertThat(refused.field()).isEqualTo("shorteningReason");
        assertThat(refused.message()).contains("29 days");
    }

    @Test
    void givenAnAllItemsDraft_whenAShorterPeriodIsOpenedWithAReason_thenTheReasonIsPrintedInVI2Three() {
        spec.given(draft).when(open(draft, JUNE_1, LocalDate.of(2025, 6, 14), " 法改正の施行日が迫っているため "));

        List<AssessmentEvent> events = spec.thenProduced();
        assertThat(((PublicCommentOpened) events.get(0)).shorteningReason()).isEqualTo("法改正の施行日が迫っているため");
        assertThat(events.stream().skip(1).map(event -> ((ItemAnswered) event).answer()).toList())
                .containsExactly(new TextAnswer("令和7年6月1日から令和7年6月14日までの14日間"),
                        new RichTextAnswer("<p>法改正の施行日が迫っているため</p>"));
    }

    @Test
    void givenAnAllItemsDraft_whenThePeriodEndsBeforeItStarts_thenItIsRefused() {
        spec.given(draft).when(open(draft, JUNE_1, JUNE_1.minusDays(1), "理由"));

        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("to");
    }

    @Test
    void givenAnOpenedPeriod_whenClosedAfterItsLastDay_thenOpinionsAndReflectionAnswerVI2FourAndFive() {
        AssessmentEvent[] opened = taken(draft, open(draft, JUNE_1, LocalDate.of(2025, 6, 30), null));

        spec.given(opened).when(close(opened, LocalDate.of(2025, 7, 1), "個人番号の利用範囲について<質問>", "記載を追加"));

        spec.thenEvents(new PublicCommentClosed(ALL_ID, KAWASAKI, 1, LocalDate.of(2025, 7, 1),
                        "個人番号の利用範囲について<質問>", "記載を追加", null, YAMADA, T1),
                new ItemAnswered(ALL_ID, KAWASAKI, OPINIONS, List.of(), null,
                        new RichTextAnswer("<p>個人番号の利用範囲について&lt;質問&gt;</p>"), null, YAMADA, T1),
                new ItemAnswered(ALL_ID, KAWASAKI, REFLECTION, List.of(), null, new RichTextAnswer("<p>記載を追加</p>"),
                        null, YAMADA, T1));
    }

    @Test
    void givenAnOpenedPeriod_whenClosedBeforeItsLastDay_thenItIsRefused() {
        AssessmentEvent[] opened = taken(draft, open(draft, JUNE_1, LocalDate.of(2025, 6, 30), null));

        spec.given(opened).when(close(opened, LocalDate.of(2025, 6, 29), "意見なし", null));

        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("closedOn");
    }

    @Test
    void givenNoOpenedPeriod_whenClosed_thenItIsRefusedNamingTheOpening() {
        spec.given(draft).when(close(draft, LocalDate.of(2025, 7, 1), "意見なし", null));

        assertThat(spec.thenRejected(ProcedureStepMissing.class).step()).isEqualTo("PUBLIC_COMMENT_OPENED");
    }

    @Test
    void givenAnOpenedPeriod_whenOpenedAgain_thenItIsRefusedAsAlreadyDone() {
        AssessmentEvent[] opened = taken(draft, open(draft, JUNE_1, LocalDate.of(2025, 6, 30), null));

        spec.given(opened).when(open(opened, JUNE_1, LocalDate.of(2025, 7, 30), null));

        assertThat(spec.thenRejected(ProcedureStepAlreadyDone.class).doneOn()).isEqualTo(JUNE_1);
    }

    @Test
    void givenAKeyItemsDraft_whenClosedWithoutOpening_thenTheOptionalOpeningIsStillNeededFirst() {
        AssessmentEvent[] key = started(FormKind.KEY_ITEMS);

        spec.given(key).when(close(key, LocalDate.of(2025, 7, 1), "意見なし", null));

        assertThat(spec.thenRejected(ProcedureStepMissing.class).step()).isEqualTo("PUBLIC_COMMENT_OPENED");
    }

    @Test
    void givenABasicItemsDraft_whenACommentPeriodIsOpened_thenItIsRefusedAsNoStepOfItsKind() {
        AssessmentEvent[] basic = started(FormKind.BASIC_ITEMS);

        spec.given(basic).when(open(basic, JUNE_1, LocalDate.of(2025, 6, 30), null));

        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("step");
    }

    @Test
    void givenStepsTaken_whenFolded_thenTheStateKnowsEachDateAndTheNextVersionStartsAfresh() {
        Assessment state = DeciderSpec.fold(allStepsTaken(FormKind.ALL_ITEMS));

        assertThat(state.procedure().doneOn()).containsEntry(ProcedureStep.PUBLIC_COMMENT_OPENED, JUNE_1)
                .containsEntry(ProcedureStep.SUBMITTED_TO_COMMISSION, LocalDate.of(2025, 8, 1)).hasSize(4);
        assertThat(state.procedure().commentEndsOn()).isEqualTo(LocalDate.of(2025, 6, 30));
    }
}
