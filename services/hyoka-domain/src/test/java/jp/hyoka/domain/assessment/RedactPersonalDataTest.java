package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.RedactPersonalData;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.NextVersionStarted;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A person's data written into free text is withheld from the document, its past and what was published. */
class RedactPersonalDataTest {

    private static final RichTextAnswer WITH_NAME = new RichTextAnswer("<p>担当: 山田花子 (内線123)</p>");
    private static final RichTextAnswer WITHOUT_NAME = new RichTextAnswer("<p>担当: ［個人情報削除］ (内線123)</p>");

    private final DeciderSpec spec = DeciderSpec.onTestForms();

    private static AssessmentEvent[] nameWrittenAndPublished() {
        return new AssessmentEvent[]{startedKeyItemsAssessment(), answered(DESCRIPTION, null, WITH_NAME, T0),
                new VersionPublished(KEY_ID, KAWASAKI, 1, LocalDate.of(2025, 4, 1), List.of(), List.of(), null, YAMADA, T1),
                new NextVersionStarted(KEY_ID, KAWASAKI, 2, null, YAMADA, T1)};
    }

    @Test
    void givenANameInAnAnswer_whenRedacted_thenTheRedactionIsRecordedWithItsReasonAndActor() {
        spec.given(nameWrittenAndPublished()).when(redact(4, " 山田花子 ", "本人からの削除請求"));

        spec.thenEvents(new PersonalDataRedacted(KEY_ID, KAWASAKI, "山田花子", "本人からの削除請求", YAMADA, T2));
    }

    @Test
    void givenARedaction_whenFolded_thenTheDocumentAndWhatWasPublishedNoLongerShowTheName() {
        Assessment redacted = DeciderSpec.fold(DeciderSpec.concat(nameWrittenAndPublished(),
                new PersonalDataRedacted(KEY_ID, KAWASAKI, "山田花子", "本人からの削除請求", YAMADA, T2)));

        assertThat(redacted.answer(DESCRIPTION)).contains(WITHOUT_NAME);
        assertThat(redacted.lifecycle().publishedAnswers().get(AnswerKey.of(DESCRIPTION))).isEqualTo(WITHOUT_NAME);
        assertThat(decider().pendingChanges(redacted)).as("a redaction is not a change to publish").isEmpty();
    }

    @Test
    void givenATooShortTextOrNoReason_whenRedacted_thenRefusedAsInvalid() {
        spec.given(nameWrittenAndPublished()).when(redact(4, "山", "請求"));
        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("text");

        spec.given(nameWrittenAndPublished()).when(redact(4, "山田花子", " "));
        assertThat(spec.thenRejected(InvalidInput.class).field()).isEqualTo("reason");
    }

    @Test
    void givenAnotherMunicipality_whenRedacting_thenNotFound() {
        spec.given(nameWrittenAndPublished()).when(new RedactPersonalData(KEY_ID, ASAHIKAWA, 4, "山田花子", "請求",
                YAMADA, T2));

        spec.thenRejected(AssessmentNotFound.class);
    }

    @Test
    void givenAPastChangeRow_whenRedacted_thenItsTextsAreMaskedButItsShapeStays() {
        PastChange row = new PastChange(0, 3, LocalDate.of(2024, 1, 1), "令和6年1月1日", "担当者", null, "TEXT",
                "山田花子", "TEXT", "佐藤", "AFTER", "山田花子の異動", "PERSONNEL");

        PastChange masked = new Redaction("山田花子").apply(row);

        assertThat(masked.before()).isEqualTo("［個人情報削除］");
        assertThat(masked.explanation()).isEqualTo("［個人情報削除］の異動");
        assertThat(masked.after()).isEqualTo("佐藤");
        assertThat(masked.reasonCode()).isEqualTo("PERSONNEL");
    }

    private static RedactPersonalData redact(long revision, String text, String reason) {
        return new RedactPersonalData(KEY_ID, KAWASAKI, revision, text, reason, YAMADA, T2);
    }
}
