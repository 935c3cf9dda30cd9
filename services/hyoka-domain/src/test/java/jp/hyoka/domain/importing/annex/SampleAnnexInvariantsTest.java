package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What must hold for every sample, whatever its quirks: nothing dropped silently, source order, clean paths. */
class SampleAnnexInvariantsTest {

    @ParameterizedTest(name = "sample {0}")
    @ValueSource(strings = {"000", "001", "003", "004"})
    void givenSample_whenParse_thenEveryContentLineIsARowOrAWarning(String sample) {
        ChangeAnnex annex = Samples.annex(sample);

        assertThat(annex.rowsRead())
                .isEqualTo(annex.rows().size() + annex.warnings(WarningCode.NOT_A_CHANGE_ROW).size());
    }

    @ParameterizedTest(name = "sample {0}")
    @ValueSource(strings = {"000", "001", "003", "004"})
    void givenSample_whenParse_thenRowsAreInSourceOrder(String sample) {
        ChangeAnnex annex = Samples.annex(sample);

        assertThat(annex.rows()).extracting(ChangeRow::rowIndex)
                .containsExactlyElementsOf(IntStream.range(0, annex.rows().size()).boxed().toList());
        assertThat(annex.rows()).extracting(ChangeRow::lineNumber).isSorted().doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "sample {0}")
    @ValueSource(strings = {"000", "001", "003", "004"})
    void givenSample_whenParse_thenEveryDateReadsAndNoPathKeepsHtml(String sample) {
        ChangeAnnex annex = Samples.annex(sample);

        assertThat(annex.rows()).extracting(ChangeRow::changedOn).doesNotContainNull();
        assertThat(annex.rows()).extracting(ChangeRow::itemPath)
                .noneMatch(path -> path.matches("(?s).*</?[A-Za-z][^>]*>.*")).allMatch(path -> !path.isBlank());
    }
}
