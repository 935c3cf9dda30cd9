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
        List<String> lines = lines(sample);
        FormDefinition newer = FormFiles.of(kind, "2025");
        FormDefinition older = FormFiles.of(kind, "2024");
        assertThat(ReadingLayout.of(newer)).isEqualTo(ReadingLayout.of(older));

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
