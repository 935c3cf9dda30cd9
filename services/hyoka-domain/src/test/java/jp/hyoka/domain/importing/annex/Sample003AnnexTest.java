package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** 003 横浜市 重点項目評価書: 13 rows of one revision, followed by a 重大事故 別紙 table (DOMAIN.md §4.1). */
class Sample003AnnexTest {

    private final ChangeAnnex annex = Samples.annex("003");

    private ChangeRow rowAt(int lineNumber) {
        return annex.rows().stream().filter(row -> row.lineNumber() == lineNumber).findFirst().orElseThrow();
    }

    @Test
    void givenSample003_whenParse_then13RowsAllAfterOnOneDate() {
        assertThat(ChangeAnnexParser.locate(Samples.lines("003"))).hasValue(483);
        assertThat(annex.rows()).hasSize(13);
        assertThat(annex.rows()).extracting(ChangeRow::timing).containsOnly(SubmissionTiming.AFTER);
        assertThat(annex.rows()).extracting(ChangeRow::changedOn).containsOnly(LocalDate.of(2019, 3, 8));
    }

    @Test
    void givenSample003_whenParse_thenThe重大事故TableAfterTheAnnexIsReportedLineByLine() {
        // line 502 is the 別紙 title, 504 its header, 505–513 its nine incidents: none is a change row
        int[] lines = IntStream.concat(IntStream.of(502), IntStream.rangeClosed(504, 513)).toArray();

        assertThat(annex.warnings()).extracting(ParseWarning::code).containsOnly(WarningCode.NOT_A_CHANGE_ROW);
        assertThat(annex.warnings()).extracting(ParseWarning::lineNumber).containsExactly(IntStream.of(lines).boxed()
                .toArray(Integer[]::new));
        assertThat(annex.rowsRead()).isEqualTo(13 + 11);
    }

    @Test
    void givenSample003_whenParse_thenAdditionPlaceholderAndExplanations() {
        assertThat(rowAt(493).before()).isEqualTo(new ChangeText(ChangeTextKind.ADDED, "(追加)"));
        assertThat(rowAt(493).itemPath()).startsWith("Ⅱ 特定個人情報ファイルの概要(ひとり親サブシステムファイル)");
        assertThat(rowAt(486).reason()).isEqualTo(ReasonCode.MINOR_WORDING);
        assertThat(rowAt(487).reason()).isEqualTo(ReasonCode.NOT_IMPORTANT_ITEM);
        assertThat(rowAt(495).reason()).isEqualTo(ReasonCode.RISK_REDUCED);
        assertThat(annex.rows()).filteredOn(row -> row.reason() == ReasonCode.NOT_IMPORTANT_ITEM).hasSize(8);
    }
}
