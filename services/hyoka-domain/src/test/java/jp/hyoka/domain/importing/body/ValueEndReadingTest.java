package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.TextAnswer;
import org.junit.jupiter.api.Test;

import static jp.hyoka.domain.importing.body.BodyForms.FORM_2024;
import static jp.hyoka.domain.importing.body.BodyForms.answer;
import static jp.hyoka.domain.importing.body.BodyForms.bodyLine;
import static jp.hyoka.domain.importing.body.BodyForms.document;
import static jp.hyoka.domain.importing.body.BodyForms.read;
import static org.assertj.core.api.Assertions.assertThat;

/** Where a value ends: what may continue it on the next row, and what is left of a tag at its end. */
class ValueEndReadingTest {

    private static final String AFFAIR = "1. 特定個人情報ファイルを取り扱う事務";

    @Test
    void givenAValueInAListTheExporterNeverClosed_whenASingleCellNamingNoItemFollows_thenThatCellIsKeptAside() {
        ImportedDocument document = read(document(AFFAIR, "②事務の内容|<ul><li>児童手当を支給する。</li>", "補足の見出し"),
                FORM_2024);

        assertThat(answer(document, "affair.description").orElseThrow().plainText()).doesNotContain("補足");
        assertThat(document.unmapped()).singleElement().satisfies(kept -> {
            assertThat(kept.line()).isEqualTo(bodyLine(3));
            assertThat(kept.label()).isEqualTo("補足の見出し");
            assertThat(kept.reason()).isEqualTo(UnmappedContent.UNKNOWN_LABEL);
        });
    }

    @Test
    void givenAValueEndingInAComma_whenTheNextCellIsTheLabelOfAnItemElsewhere_thenItIsNotAppendedToTheValue() {
        ImportedDocument document = read(document(AFFAIR, "①事務の名称|児童手当に関する事務、", "使用者数"), FORM_2024);

        assertThat(answer(document, "affair.name")).contains(new TextAnswer("児童手当に関する事務、"));
        assertThat(document.unmapped()).extracting(UnmappedContent::label).containsExactly("使用者数");
    }

    @Test
    void givenALessThanSignInsideAValue_whenRead_thenTheValueKeepsItsEnd() {
        ImportedDocument document = read(document(AFFAIR, "①事務の名称|TLS<v1.2は不可", "②事務の内容|<p>児童手当を支給する。</p>"),
                FORM_2024);

        assertThat(answer(document, "affair.name")).contains(new TextAnswer("TLS<v1.2は不可"));
    }

    @Test
    void givenTheFileCutOffInsideATagAfterItsLastValue_whenRead_thenWhatIsLeftOfTheTagIsDropped() {
        ImportedDocument document = read(document(AFFAIR, "①事務の名称|児童手当に関する事務<spa"), FORM_2024);

        assertThat(answer(document, "affair.name")).contains(new TextAnswer("児童手当に関する事務"));
    }
}
