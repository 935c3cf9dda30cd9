package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.importing.ImportProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.hyoka.domain.importing.body.BodyForms.FORM_2024;
import static jp.hyoka.domain.importing.body.BodyForms.answer;
import static jp.hyoka.domain.importing.body.BodyForms.bodyLine;
import static jp.hyoka.domain.importing.body.BodyForms.document;
import static jp.hyoka.domain.importing.body.BodyForms.read;
import static jp.hyoka.domain.importing.body.BodyForms.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What no item can take is kept with its line and reason, never dropped (DOMAIN.md §7 importer contract). */
class DocumentBodyUnmappedTest {

    private static final String AFFAIR = "1. 特定個人情報ファイルを取り扱う事務";
    private static final String SYSTEMS = "2. 特定個人情報ファイルを取り扱う事務において使用するシステム";
    /** Rows of {@link BodyForms#HEAD} that are read: five cover rows and the body's "I 基本情報". */
    private static final int HEAD_ROWS = 6;

    @Test
    void givenTheSameLabelAgainWithAnotherValue_whenRead_thenTheFirstIsKeptAndTheSecondIsADuplicate() {
        ImportedDocument document = read(document(SYSTEMS, "システム1",
                "①システムの名称|住民記録システム", "①システムの名称|中間サーバー"), FORM_2024);

        assertThat(answer(document, "system.name", "e1")).contains(new TextAnswer("住民記録システム"));
        assertThat(document.unmapped()).containsExactly(new UnmappedContent(bodyLine(4), "①システムの名称", "中間サーバー",
                UnmappedContent.DUPLICATE_ITEM, "system.name"));
        assertThat(document.warnings()).extracting(ImportProblem::code, ImportProblem::line)
                .containsExactly(tuple(UnmappedContent.DUPLICATE_ITEM, bodyLine(4)));
    }

    @Test
    void givenALabelNoItemHas_whenRead_thenItIsKeptVerbatimWithItsLine() {
        ImportedDocument document = read(document(AFFAIR, "⑦備考欄|<p>特になし</p>"), FORM_2024);

        assertThat(document.unmapped()).containsExactly(new UnmappedContent(bodyLine(2), "⑦備考欄", "特になし",
                UnmappedContent.UNKNOWN_LABEL, null));
        assertThat(document.warnings()).singleElement().extracting(ImportProblem::line).isEqualTo(bodyLine(2));
    }

    @Test
    void givenAnImpossibleDate_whenRead_thenItIsAnInvalidValueAndNotAnAnswer() {
        ImportedDocument document = read(rows(List.of("特定個人情報保護評価書(重点項目評価書)", "公表日|令和7年2月29日",
                "項目一覧", "I 基本情報", "I 基本情報")), FORM_2024);

        assertThat(answer(document, "cover.published-on")).isEmpty();
        assertThat(document.unmapped()).containsExactly(new UnmappedContent(2, "公表日", "令和7年2月29日",
                UnmappedContent.INVALID_VALUE, "cover.published-on"));
    }

    @Test
    void givenMoreSystemsThanTheFormAllows_whenRead_thenTheExtraHeadingIsARepeatLimit() {
        ImportedDocument document = read(document(SYSTEMS, "システム1", "①システムの名称|住民記録システム", "システム2",
                "①システムの名称|中間サーバー", "システム3"), FORM_2024);

        assertThat(document.entries()).hasSize(2);
        assertThat(document.unmapped()).containsExactly(new UnmappedContent(bodyLine(6), "システム3", "",
                UnmappedContent.REPEAT_LIMIT, null));
        assertThat(document.warnings()).extracting(ImportProblem::code).containsExactly(UnmappedContent.REPEAT_LIMIT);
    }


    @Test
    void givenMoreSystemsThanTheFormAllows_whenRead_thenTheExtraSystemsRowsAreKeptNotGivenToTheLastSystem() {
        ImportedDocument document = read(document(SYSTEMS, "システム1", "システム2", "①システムの名称|中間サーバー",
                "システム3", "①システムの名称|税務システム",
                "③他のシステムとの接続|[<input checked=\"\" type=\"checkbox\"/>] 情報提供ネットワークシステム"), FORM_2024);

        assertThat(answer(document, "system.connections", "e2")).isEmpty();
        assertThat(document.unmapped()).extracting(UnmappedContent::line, UnmappedContent::reason).containsExactly(
                tuple(bodyLine(5), UnmappedContent.REPEAT_LIMIT),
                tuple(bodyLine(6), UnmappedContent.REPEAT_LIMIT),
                tuple(bodyLine(7), UnmappedContent.REPEAT_LIMIT));
    }

    @Test
    void givenATableRowWithMoreCellsThanItsHeader_whenRead_thenItIsReadAsOrdinaryRowsWithAWarning() {
        ImportedDocument document = read(rows(List.of("特定個人情報保護評価書(重点項目評価書)", "評価書番号|評価書名",
                "45|ひとり親家庭等医療費助成に関する事務 重点項目評価書|余分なセル", "項目一覧", "I 基本情報", "I 基本情報")),
                FORM_2024);

        assertThat(answer(document, "cover.number")).isEmpty();
        assertThat(document.warnings()).extracting(ImportProblem::code, ImportProblem::line)
                .contains(tuple("TABLE_ROW_CELLS", 3));
        assertThat(document.unmapped()).extracting(UnmappedContent::line).containsExactly(3);
        assertThat(document.rowsMapped() + document.unmapped().size()).isEqualTo(document.rowsRead());
    }

    @Test
    void givenEveryRowUnderstood_whenRead_thenAllRowsReadAreMapped() {
        ImportedDocument document = read(document(AFFAIR, "①事務の名称|ひとり親家庭等医療費助成に関する事務", "",
                "-------|----"), FORM_2024);

        assertThat(document.rowsRead()).isEqualTo(HEAD_ROWS + 2);
        assertThat(document.rowsMapped()).isEqualTo(HEAD_ROWS + 2);
    }

    @Test
    void givenAnUnknownLabel_whenRead_thenItsRowIsReadButNotMapped() {
        ImportedDocument document = read(document(AFFAIR, "⑦備考欄|特になし"), FORM_2024);

        assertThat(document.rowsRead()).isEqualTo(HEAD_ROWS + 2);
        assertThat(document.rowsMapped()).isEqualTo(HEAD_ROWS + 1);
    }


    @Test
    void givenADuplicateWithAnotherValue_whenRead_thenItsRowIsReadButNotMapped() {
        ImportedDocument document = read(document(AFFAIR, "①事務の名称|ひとり親家庭等医療費助成に関する事務",
                "①事務の名称|ひとり親家庭等医療費の助成"), FORM_2024);

        assertThat(document.unmapped()).hasSize(1);
        assertThat(document.rowsMapped()).isEqualTo(document.rowsRead() - 1);
    }
}
