package jp.hyoka.domain.importing.body;

import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.testing.FormFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static jp.hyoka.domain.importing.body.BodyForms.RULES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revisions of a kind whose {@link ReadingLayout} is equal (2024 and 2025 differ in options) have the body's rows
 * read once for both: the result is what reading the document against each revision in turn gives, entry ids
 * included (drawn in the same order), for samples where either revision fits best.
 */
class SharedRowReadingTest {

    @ParameterizedTest(name = "sample {0}")
    @CsvSource({"000, ALL_ITEMS", "003, KEY_ITEMS", "004, KEY_ITEMS"})
    void givenRevisionsThatDifferOnlyInOptions_whenTheBodyIsRead_thenTheResultIsThatOfReadingEachInTurn(
            String sample, FormKind kind) throws IOException {
        Sample sampled = Sample.of(sample, kind);
        List<String> lines = sampled.lines();
        FormDefinition newer = sampled.newer();
        FormDefinition older = sampled.older();

        AtomicInteger ids = new AtomicInteger();
        ImportedDocument together = DocumentBodyImport.read(lines, List.of(older, newer), RULES,
                () -> "entry-" + ids.incrementAndGet());

        AtomicInteger inTurn = new AtomicInteger();
        ImportedDocument first = DocumentBodyImport.read(lines, List.of(newer), RULES,
                () -> "entry-" + inTurn.incrementAndGet());
        ImportedDocument second = DocumentBodyImport.read(lines, List.of(older), RULES,
                () -> "entry-" + inTurn.incrementAndGet());
        ImportedDocument best = misfit(second) < misfit(first) ? second : first;
        assertThat(together).isEqualTo(best);
        assertThat(together.toString()).isEqualTo(best.toString());
        assertThat(ids.get()).as("entry ids drawn").isEqualTo(inTurn.get());
    }

    /**
     * {@code BodyReader.result} for a revision the rows were not read against: revisions are tried newest first, so
     * when the older fits best its document is made from the rows read against the newer (slots, entry ids and the
     * warnings that name the revision mapped). It must be what reading the rows against the older one gives.
     */
    @ParameterizedTest(name = "sample {0}")
    @CsvSource({"000, ALL_ITEMS", "003, KEY_ITEMS"})          // samples the 2024 revision fits best (004: 2025)
    void givenTheOlderRevisionFitsBest_whenTheBodyIsRead_thenItsResultFromTheNewersRowsIsAFreshReadAgainstIt(
            String sample, FormKind kind) throws IOException {
        Sample sampled = Sample.of(sample, kind);
        FormDefinition older = sampled.older();

        AtomicInteger drawn = new AtomicInteger();
        ImportedDocument mapped = DocumentBodyImport.read(sampled.lines(), List.of(older, sampled.newer()), RULES,
                () -> "entry-" + drawn.incrementAndGet());
        assertThat(mapped.form()).as("the revision that fits best").isEqualTo(older.ref());

        // The rows were read against the newer revision (drawing its ids), then the older's ids were drawn: a fresh
        // read against the older one drawing from there gives the same ids.
        AtomicInteger fresh = new AtomicInteger(drawn.get() / 2);
        ImportedDocument read = DocumentBodyImport.read(sampled.lines(), List.of(older), RULES,
                () -> "entry-" + fresh.incrementAndGet());
        assertThat(fresh.get()).isEqualTo(drawn.get());
        assertThat(mapped.entries()).isNotEmpty();
        assertThat(mapped).isEqualTo(read);
        assertThat(mapped.toString()).isEqualTo(read.toString());
        assertThat(mapped.warnings()).noneSatisfy(w -> assertThat(w.message())
                .contains(sampled.newer().ref().toString()));
    }

    /** A sample's lines and its kind's 2025 and 2024 revisions, checked to read the rows alike. */
    private record Sample(List<String> lines, FormDefinition newer, FormDefinition older) {
        static Sample of(String number, FormKind kind) throws IOException {
            FormDefinition newer = FormFiles.of(kind, "2025");
            FormDefinition older = FormFiles.of(kind, "2024");
            assertThat(ReadingLayout.of(newer)).isEqualTo(ReadingLayout.of(older));
            return new Sample(SharedRowReadingTest.lines(number), newer, older);
        }
    }

    private static int misfit(ImportedDocument document) {
        long unknownOptions = document.warnings().stream()
                .filter(w -> w.code().equals(BodyReader.UNKNOWN_OPTION)).count();
        return document.unmapped().size() * 100 + (int) unknownOptions;
    }

    private static List<String> lines(String number) throws IOException {
        Path dir = Path.of("../../schema/src/test/resources/samples");
        try (Stream<Path> files = Files.list(dir)) {
            Path file = files.filter(path -> path.getFileName().toString().startsWith(number + "_")).findFirst()
                    .orElseThrow();
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
    }
}
