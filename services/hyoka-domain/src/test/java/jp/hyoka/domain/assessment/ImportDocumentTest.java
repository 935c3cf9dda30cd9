package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.command.ImportPastChanges;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.domain.assessment.event.DocumentImported;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.PastChangesImported;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.domain.importing.body.UnmappedContent;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.UnknownForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static jp.hyoka.domain.assessment.AssessmentFixtures.*;
import static jp.hyoka.domain.assessment.ImportDocumentFixtures.*;
import static jp.hyoka.domain.assessment.RepeatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** ImportDocument: a published 評価書 taken over as a new assessment: a start, its content as one event, the import. */
class ImportDocumentTest {

    private static final List<PastChange> PAST = List.of(new PastChange(0, 486, LocalDate.of(2019, 3, 8), "平成31年3月8日",
            "I 基本情報 6. 評価実施機関における担当部署 ②所属長の役職名", null, "TEXT", "健康福祉局生活福祉部医療援助課長",
            "TEXT", "医療援助課長", "AFTER", "その他", "OTHER"));
    private static final UnmappedContent REMARK = new UnmappedContent(31, "⑦備考欄", "特になし",
            UnmappedContent.UNKNOWN_LABEL, null);
    private static final ImportedDocument BODY = body(FORM_2024, ENTRIES, ANSWERS, List.of(REMARK));

    private final AssessmentDecider decider = RepeatFixtures.decider();

    @Test
    void givenADocument_whenImported_thenStartContentImportAndPastInOrder() {
        assertThat(decider.importDocument(importing(FORM_2024, null, BODY, PAST))).containsExactly(
                new AssessmentStarted(KEY_ID, KAWASAKI, FORM_2024, PRINTED_NAME, YAMADA, T2),
                new DocumentContentImported(KEY_ID, KAWASAKI, List.of(
                        new DocumentContentImported.Entry(SYSTEM, TOP, "s1", 0),
                        new DocumentContentImported.Entry(FILE, TOP, "f1", 0),
                        new DocumentContentImported.Entry(CONSIGNMENT, List.of("f1"), "c1", 0)), List.of(
                        new DocumentContentImported.Answered(SYSTEM_NAME, List.of("s1"), new TextAnswer("住民記録システム")),
                        new DocumentContentImported.Answered(FILE_NAME, List.of("f1"),
                                new TextAnswer("ひとり親サブシステムファイル")),
                        new DocumentContentImported.Answered(CONSIGNMENT_CONTENT, List.of("f1", "c1"),
                                new TextAnswer("システムの運用"))), REASON, YAMADA, T2),
                new DocumentImported(KEY_ID, KAWASAKI, SOURCE, HASH, 40, 38, List.of(REMARK), REASON, YAMADA, T2),
                new PastChangesImported(KEY_ID, KAWASAKI, SOURCE, HASH, PAST, REASON, YAMADA, T2));
    }

    @Test
    void givenADocument_whenImported_thenItsContentStandsForTheEntriesThenTheAnswersAsPerAnswerEvents() {
        DocumentContentImported content = (DocumentContentImported) decider
                .importDocument(importing(FORM_2024, null, BODY, PAST)).get(1);

        assertThat(content.edits()).containsExactly(
                addedBy(SYSTEM, TOP, "s1", 0), addedBy(FILE, TOP, "f1", 0), addedBy(CONSIGNMENT, List.of("f1"), "c1", 0),
                answeredBy(SYSTEM_NAME, List.of("s1"), "住民記録システム"),
                answeredBy(FILE_NAME, List.of("f1"), "ひとり親サブシステムファイル"),
                answeredBy(CONSIGNMENT_CONTENT, List.of("f1", "c1"), "システムの運用"));
    }

    @Test
    void givenABodyWithOnlyItsName_whenImported_thenNoContentEvent() {
        ImportedDocument nameOnly = body(FORM_2024, List.of(), ANSWERS.subList(0, 1), List.of());

        assertThat(decider.importDocument(importing(FORM_2024, null, nameOnly, PAST)))
                .noneMatch(DocumentContentImported.class::isInstance).hasSize(3);
    }

    @Test
    void givenANameInTheBodyAndInTheCommand_whenImported_thenTheBodysNameWins() {
        assertThat(started(importing(FORM_2024, "別の事務", BODY, PAST)).affairName()).isEqualTo(PRINTED_NAME);
    }

    @Test
    void givenABodyWithoutAName_whenImported_thenTheCommandNamesTheAssessment() {
        ImportedDocument unnamed = body(FORM_2024, ENTRIES, ANSWERS.subList(1, ANSWERS.size()), List.of());

        assertThat(started(importing(FORM_2024, AFFAIR, unnamed, PAST)).affairName()).isEqualTo(AFFAIR);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " 　"})
    void givenNoNameInTheBodyOrTheCommand_whenImported_thenInvalidAffairName(String affairName) {
        ImportedDocument unnamed = body(FORM_2024, ENTRIES, ANSWERS.subList(1, ANSWERS.size()), List.of());

        assertThat(rejection(importing(FORM_2024, affairName, unnamed, PAST), InvalidInput.class).field())
                .isEqualTo("affairName");
    }

    @Test
    void givenAnAnnexOnlyFile_whenImported_thenStartedByTheCommandsNameAndOnlyThePastImported() {
        assertThat(decider.importDocument(importing(FORM_2024, AFFAIR, null, PAST))).containsExactly(
                new AssessmentStarted(KEY_ID, KAWASAKI, FORM_2024, AFFAIR, YAMADA, T2),
                new DocumentImported(KEY_ID, KAWASAKI, SOURCE, HASH, 0, 0, List.of(), REASON, YAMADA, T2),
                new PastChangesImported(KEY_ID, KAWASAKI, SOURCE, HASH, PAST, REASON, YAMADA, T2));
    }

    @Test
    void givenNoPastChanges_whenImported_thenNoPastChangesImported() {
        List<AssessmentEvent> events = decider.importDocument(importing(FORM_2024, null, BODY, List.of()));

        assertThat(events).last().isInstanceOf(DocumentImported.class);
        assertThat(events).noneMatch(PastChangesImported.class::isInstance);
    }

    @Test
    void givenAFormHyokaDoesNotKnow_whenImported_thenUnknownForm() {
        FormRef unknown = new FormRef(FormKind.KEY_ITEMS, "1999");

        assertThat(rejection(importing(unknown, null, body(unknown, ENTRIES, ANSWERS, List.of()), PAST),
                UnknownForm.class)).isEqualTo(new UnknownForm("KEY_ITEMS@1999"));
    }

    @Test
    void givenABodyReadAgainstAnotherRevision_whenImported_thenInvalidForm() {
        assertThat(rejection(importing(FORM_2025, null, BODY, PAST), InvalidInput.class).field()).isEqualTo("form");
    }

    @Test
    void givenAnImport_whenFolded_thenTheAssessmentHoldsTheDocumentAtOneRevisionPerEvent() {
        ImportDocument command = importing(FORM_2024, null, BODY, PAST);
        List<AssessmentEvent> events = decider.importDocument(command);

        Assessment state = DeciderSpec.fold(events.toArray(AssessmentEvent[]::new));

        assertThat(state.form()).isEqualTo(FORM_2024);
        assertThat(state.answers()).isEqualTo(Map.of(
                AnswerKey.of(AFFAIR_NAME), new TextAnswer(PRINTED_NAME),
                new AnswerKey(SYSTEM_NAME, List.of("s1")), new TextAnswer("住民記録システム"),
                new AnswerKey(FILE_NAME, List.of("f1")), new TextAnswer("ひとり親サブシステムファイル"),
                new AnswerKey(CONSIGNMENT_CONTENT, List.of("f1", "c1")), new TextAnswer("システムの運用")));
        assertThat(state.entries(SYSTEM, TOP)).containsExactly("s1");
        assertThat(state.entries(FILE, TOP)).containsExactly("f1");
        assertThat(state.entries(CONSIGNMENT, List.of("f1"))).containsExactly("c1");
        assertThat(state.importedSources()).containsExactly(HASH);
        assertThat(state.revision()).isEqualTo(events.size()).isEqualTo(4);
    }

    @Test
    void givenAnImportedDocument_whenItsPastIsImportedAgain_thenNothingHappens() {
        DeciderSpec.onRepeatForms()
                .given(decider.importDocument(importing(FORM_2024, null, BODY, PAST)).toArray(AssessmentEvent[]::new))
                .when(new ImportPastChanges(KEY_ID, KAWASAKI, 4, SOURCE, HASH, PAST, null, YAMADA, T2))
                .thenNoEvents();
    }

    private AssessmentStarted started(ImportDocument command) {
        return (AssessmentStarted) decider.importDocument(command).get(0);
    }

    private static ItemAnswered answeredBy(ItemId item, List<String> entries, String text) {
        return new ItemAnswered(KEY_ID, KAWASAKI, item, entries, null, new TextAnswer(text), REASON, YAMADA, T2);
    }
}
