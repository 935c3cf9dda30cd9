package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.command.ImportDocument;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.ComponentInserted;
import jp.hyoka.domain.assessment.event.DocumentContentImported;
import jp.hyoka.domain.components.Numbering;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.importing.body.ImportedAnswer;
import jp.hyoka.domain.importing.body.ImportedDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.assessment.ComponentUseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** An imported document's copies of shared components are linked to the version they copy (issue 16). */
class BoilerplateRecognitionTest {

    /** 旭川市-style cell: its own measures, then a v2 copy numbered (1) (2), with a typo of its own. */
    private static final String CELL = "<p>＜当市における措置＞ 庁舎内のサーバー室に設置し、入退室を管理する。</p>"
            + "<p>＜中間サーバー・プラットフォームにおける措置＞</p>"
            + "<p>(1)中間サーバー・プラットフォームは、政府情報システムのためのセキュリティ評価制度(ISMAP)に"
            + "登録されたクラウドサービス事業者が保有・管理する環境に設置する。</p>"
            + "<p>(2)特定個人情報は、サーバー室に設置された中間サーバーのデータベース内に保存され、"
            + "バックアップもデータベース上に保管される。</p>";

    private final AssessmentDecider decider = new AssessmentDecider(FORMS, new jp.hyoka.domain.form.AnswerRules(html -> html));

    private List<AssessmentEvent> importCell(String cell, List<PublishedComponent> catalogue) {
        ImportedDocument body = new ImportedDocument(ALL_2024, List.of(), List.of(
                new ImportedAnswer(STORAGE, List.of(), new RichTextAnswer(cell), 12)), List.of(), List.of(), 20, 19);
        return decider.importDocument(new ImportDocument(ID, ASAHIKAWA, ALL_2024, "住民基本台帳に関する事務", body,
                "004.txt", "hash-004", List.of(), catalogue, null, EDITOR, T0));
    }

    @Test
    void givenACellWithLocalTextAndACopyOfV2_whenImported_thenTheCopyIsLinkedToV2AdaptedWithItsResidualDifference() {
        List<AssessmentEvent> events = importCell(CELL, List.of(v1(), v2()));

        List<ComponentInserted> links = events.stream().filter(ComponentInserted.class::isInstance)
                .map(ComponentInserted.class::cast).toList();
        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.useId()).isEqualTo("import-1");
            assertThat(link.componentId()).isEqualTo(PLATFORM);
            assertThat(link.version()).isEqualTo(2);
            assertThat(link.mode()).isEqualTo(ComponentUseMode.ADAPTED);
            assertThat(link.similarity()).isGreaterThanOrEqualTo(0.85);
            assertThat(link.rendering().numbering()).isEqualTo(Numbering.PARENTHESISED);
            assertThat(CELL).contains(link.text());
            assertThat(link.text()).startsWith("<p>(1)").doesNotContain("当市における措置");
            String base = V2_RENDERED.replace("①", "(1)").replace("②", "(2)");
            assertThat(link.localChange().applyTo(base)).isEqualTo(link.text());
            assertThat(link.localChange().isEmpty()).isFalse();        // 保管される, not 保存される
        });
        int answeredAt = events.indexOf(events.stream().filter(DocumentContentImported.class::isInstance).findFirst()
                .orElseThrow());
        assertThat(events.indexOf(links.get(0))).isGreaterThan(answeredAt);
    }

    @Test
    void givenACellWithoutBoilerplate_whenImported_thenNothingIsLinked() {
        List<AssessmentEvent> events = importCell("<p>当市独自のシステムで管理する。</p>", List.of(v1(), v2()));

        assertThat(events).noneMatch(ComponentInserted.class::isInstance);
    }

    @Test
    void givenAnEmptyCatalogue_whenImported_thenNothingIsLinked() {
        assertThat(importCell(CELL, List.of())).noneMatch(ComponentInserted.class::isInstance);
    }

    @Test
    void givenALinkedImport_whenFolded_thenTheUseIsFollowedAndADirectEditMustKeepIt() {
        List<AssessmentEvent> events = importCell(CELL, List.of(v1(), v2()));
        Assessment state = DeciderSpec.fold(events.toArray(AssessmentEvent[]::new));

        assertThat(state.components().use("import-1")).get().extracting(ComponentUse::version).isEqualTo(2);
    }
}
