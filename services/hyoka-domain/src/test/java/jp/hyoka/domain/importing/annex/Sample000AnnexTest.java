package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** 000 川崎市 全項目評価書: one revision, 17 rows (DOMAIN.md §4.1, §4.7). */
class Sample000AnnexTest {

    private final ChangeAnnex annex = Samples.annex("000");

    private ChangeRow rowAt(int lineNumber) {
        return annex.rows().stream().filter(row -> row.lineNumber() == lineNumber).findFirst().orElseThrow();
    }

    @Test
    void givenSample000_whenLocate_thenTheAnnexHeadingNotTheTableOfContentsEntry() {
        // line 34 is "(別添3) 変更箇所" in the 項目一覧; line 609 is "(別添3)変更箇所" over the header row
        assertThat(ChangeAnnexParser.locate(Samples.lines("000"))).hasValue(609);
    }

    @Test
    void givenSample000_whenParse_then17RowsAllAfterOnOneDateWithoutWarnings() {
        assertThat(annex.rows()).hasSize(17);
        assertThat(annex.rows()).extracting(ChangeRow::timing).containsOnly(SubmissionTiming.AFTER);
        assertThat(annex.rows()).extracting(ChangeRow::changedOn).containsOnly(LocalDate.of(2025, 3, 27));
        assertThat(annex.rows()).extracting(ChangeRow::changedOnText).containsOnly("令和7年3月27日");
        assertThat(annex.warnings()).isEmpty();
    }

    @Test
    void givenSample000_whenParse_thenFifteenFormalChangesAndTwoRiskRows() {
        Map<ReasonCode, Long> reasons = annex.rows().stream()
                .collect(Collectors.groupingBy(ChangeRow::reason, Collectors.counting()));

        assertThat(reasons).containsOnly(entry(ReasonCode.FORMAL_CHANGE, 15L),
                entry(ReasonCode.RISK_NOT_MATERIAL_OR_REDUCED, 1L), entry(ReasonCode.RISK_REDUCED, 1L));
        assertThat(rowAt(612).itemPath()).isEqualTo("I 基本情報 1 特定個人情報ファイルを取り扱う事務 ②事務の内容");
        assertThat(rowAt(612).reason()).isEqualTo(ReasonCode.FORMAL_CHANGE);
    }

    @Test
    void givenSample000_whenParse_thenDeletionAndAdditionPlaceholders() {
        ChangeRow deletion = rowAt(631);
        ChangeRow addition = rowAt(632);

        assertThat(deletion.itemPath()).isEqualTo("IVその他のリスク対策1. 監査②監査 具体的な内容");
        assertThat(deletion.after()).isEqualTo(new ChangeText(ChangeTextKind.DELETED, "削除"));
        assertThat(deletion.reason()).isEqualTo(ReasonCode.RISK_NOT_MATERIAL_OR_REDUCED);
        assertThat(addition.before()).isEqualTo(new ChangeText(ChangeTextKind.ADDED, "右記を追記"));
        assertThat(addition.after().kind()).isEqualTo(ChangeTextKind.TEXT);
    }

    @Test
    void givenSample000_whenParse_thenAbridgedTextsAreMarkedAndKept() {
        ChangeRow row = rowAt(612);

        assertThat(row.before().kind()).isEqualTo(ChangeTextKind.ABRIDGED);
        assertThat(row.before().text()).startsWith("<p>高齢期における適切な医療の確保等を行い").contains("(省略)");
    }

    @Test
    void givenSample000_whenParse_thenRomanNumeralsAreKeptAsWritten() {
        // the table switches from ASCII "II" to U+2161 "Ⅱ" after the page break (DOMAIN.md §7 item 15)
        Map<Integer, String> items = annex.rows().stream()
                .collect(Collectors.toMap(ChangeRow::lineNumber, ChangeRow::itemPath, (a, b) -> a));

        assertThat(items.get(619)).startsWith("II 特定個人情報ファイルの概要");
        assertThat(items.get(622)).startsWith("Ⅱ 特定個人情報ファイルの概要");
        // the header rows repeated at lines 611, 621 and 630 are no rows
        assertThat(annex.rows()).extracting(ChangeRow::lineNumber).doesNotContain(611, 621, 630);
    }
}
