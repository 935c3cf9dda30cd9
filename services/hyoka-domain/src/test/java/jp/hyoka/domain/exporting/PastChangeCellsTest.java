package jp.hyoka.domain.exporting;

import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.importing.annex.ChangeAnnexParser;
import jp.hyoka.domain.importing.annex.ChangeRow;
import jp.hyoka.domain.importing.annex.ChangeTextKind;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static jp.hyoka.domain.exporting.ExportFixtures.KEY_ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Past changes recorded by Hyoka itself (not read from a document) print so that the annex parser reads back the
 * kind they were recorded with: a placeholder where the text alone would not say it.
 */
class PastChangeCellsTest {

    @ParameterizedTest(name = "{0} \"{1}\" prints \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            EMPTY     |                 |
            DELETED   |                 | 削除
            ADDED     |                 | (追加)
            SEE_ANNEX |                 | 別紙参照
            ABRIDGED  | 番号法第9条第1項 | 番号法第9条第1項 (省略)
            ABRIDGED  | 前文(中略)後文   | 前文(中略)後文
            TEXT      | 番号法第19条第8号 | 番号法第19条第8号
            EMPTY     | (空欄)          | (空欄)
            """)
    void givenAKindAndText_whenPrinted_thenTheParserReadsTheSameKind(String kind, String text, String printed) {
        String cell = PastChangeCells.text(kind, text);

        assertThat(cell).isEqualTo(printed == null ? "" : printed);
        ChangeRow row = reparsed(change(kind, text, "AFTER"));
        assertThat(row.after().kind()).isEqualTo(ChangeTextKind.valueOf(kind));
    }

    @Test
    void givenARowRecordedWithoutAChangedOnText_whenExported_thenTheDateIsPrintedInWareki() {
        PastChange change = new PastChange(0, 0, LocalDate.of(2019, 5, 1), null, "V 1 ①実施日", null, "TEXT",
                "平成30年3月28日", "TEXT", "令和元年5月1日", "BEFORE", "再実施日を記載する。", "REASSESSMENT");

        ChangeRow row = reparsed(change);

        assertThat(row.changedOnText()).isEqualTo("令和元年5月1日");
        assertThat(row.changedOn()).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(row.timing()).isEqualTo(SubmissionTiming.BEFORE);
        assertThat(row.explanation()).isEqualTo("再実施日を記載する。");
    }

    @Test
    void givenARowWhoseSourceHadNoBeforeCell_whenExported_thenItIsReadBackAsMissing() {
        PastChange change = new PastChange(0, 0, LocalDate.of(2025, 12, 1), "令和7年12月1日", "III 8監査 (記述の追加)",
                null, "MISSING", "", "TEXT", "外部監査を実施する。", "AFTER", "", "NONE");

        ChangeRow row = reparsed(change);

        assertThat(row.before().kind()).isEqualTo(ChangeTextKind.MISSING);
        assertThat(row.after().text()).isEqualTo("外部監査を実施する。");
        assertThat(row.timing()).isEqualTo(SubmissionTiming.AFTER);
    }

    private static PastChange change(String afterKind, String after, String timing) {
        return new PastChange(0, 0, LocalDate.of(2025, 3, 27), "令和7年3月27日", "I 1 ②事務の内容", null, "TEXT",
                "旧", afterKind, after == null ? "" : after, timing, "", "NONE");
    }

    private static ChangeRow reparsed(PastChange change) {
        String tsv = TsvExport.render(DocumentBuilder.on(KEY_ITEMS).export(List.of(change)));
        List<ChangeRow> rows = ChangeAnnexParser.parse(tsv.lines().toList()).rows();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
