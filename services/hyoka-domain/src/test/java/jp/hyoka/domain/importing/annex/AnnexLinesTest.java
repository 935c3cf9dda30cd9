package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The heading's mark, which lets a line be passed over without its NFKC, is in every line that can be a heading. */
class AnnexLinesTest {

    @Test
    void givenEveryCodePoint_whenDecomposed_thenOnlyTheMarkItselfHoldsTheMark() {
        String mark = String.valueOf(AnnexLines.HEADING_MARK);
        assertThat(Normalizer.normalize(mark, Normalizer.Form.NFD)).as("no canonical decomposition").isEqualTo(mark);
        for (int code = 0; code <= Character.MAX_CODE_POINT; code++) {
            if (code == AnnexLines.HEADING_MARK || Character.getType(code) == Character.SURROGATE) {
                continue;
            }
            String decomposed = Normalizer.normalize(new String(Character.toChars(code)), Normalizer.Form.NFKD);
            assertThat(decomposed).as("U+%04X", code).doesNotContain(mark);
        }
    }

    @Test
    void givenHeadingsAsExportersWriteThem_whenRead_thenHeadings() {
        for (String heading : List.of("(別添2) 変更箇所", "(別添3)変更箇所", "（別添２）変更箇所", "(別添) 変更箇所",
                "<p>(別添1)</p>\t変更箇所")) {
            assertThat(AnnexLines.isHeading(AnnexText.cells(heading))).as(heading).isTrue();
        }
        assertThat(AnnexLines.isHeading(AnnexText.cells("(別添2) 変更の箇所"))).isFalse();
    }
}
