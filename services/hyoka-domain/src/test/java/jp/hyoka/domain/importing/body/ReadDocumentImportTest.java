package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.AnswerKey;
import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static jp.hyoka.domain.importing.body.BodyForms.FORM_2024;
import static jp.hyoka.domain.importing.body.BodyForms.FORM_2025;
import static jp.hyoka.domain.importing.body.BodyForms.RULES;
import static jp.hyoka.domain.importing.body.BodyForms.document;
import static jp.hyoka.domain.importing.body.BodyForms.read;
import static org.assertj.core.api.Assertions.assertThat;

/** What the body reader hands over is what the decider takes: a read document imports as it was read. */
class ReadDocumentImportTest {

    private static final FormCatalog FORMS = new FormCatalog() {
        @Override
        public Optional<FormDefinition> find(FormRef ref) {
            return List.of(FORM_2024, FORM_2025).stream().filter(form -> form.ref().equals(ref)).findFirst();
        }

        @Override
        public FormDefinition current(FormKind kind) {
            return FORM_2025;
        }
    };

    @Test
    void givenAReadDocument_whenImportedAndFolded_thenTheAssessmentHoldsWhatWasRead() {
        ImportedDocument body = read(document("1. 特定個人情報ファイルを取り扱う事務",
                "①事務の名称|ひとり親家庭等医療費助成に関する事務",
                "2. 特定個人情報ファイルを取り扱う事務において使用するシステム",
                "システム1", "①システムの名称|住民記録システム",
                "II 特定個人情報ファイルの概要", "1. 特定個人情報ファイル名", "ひとり親サブシステムファイル",
                "4. 特定個人情報ファイルの取扱いの委託", "委託事項1|運用業務委託"), FORM_2025);
        ImportDocument command = new ImportDocument(new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-00000000000a")),
                new MunicipalityCode("141305"), body.form(), null, body, "003.txt", "6c10cb1f", List.of(), List.of(), null,
                new Actor("u-1", "山田 太郎"), Instant.parse("2025-04-01T02:00:00Z"));

        List<AssessmentEvent> events = new AssessmentDecider(FORMS, RULES).importDocument(command);
        Assessment state = Assessment.begin((AssessmentStarted) events.get(0));
        for (AssessmentEvent event : events.subList(1, events.size())) {
            state = state.evolve(event);
        }

        assertThat(state.answer(Assessment.AFFAIR_NAME)).contains(new TextAnswer("ひとり親家庭等医療費助成に関する事務"));
        assertThat(state.entries("system", List.of())).containsExactly("e1");
        assertThat(state.entries("file.consignment", List.of("e2"))).containsExactly("e3");
        assertThat(state.answer(new AnswerKey(new ItemId("file.consignment.title"), List.of("e2", "e3"))))
                .contains(new TextAnswer("運用業務委託"));
        assertThat(state.answers()).hasSize(body.answers().size());
        assertThat(state.revision()).isEqualTo(events.size());
    }
}
