package jp.hyoka.schema;

import jp.hyoka.schema.SampleLabels.Label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static jp.hyoka.schema.LabelKeys.key;

/**
 * Optional diagnostics: set {@value #REPORT_ENV} to a directory to get every extracted label with its key and result
 * as one TSV file per sample.
 */
final class LabelReport {

    static final String REPORT_ENV = "HYOKA_LABEL_REPORT_DIR";

    private LabelReport() {
    }

    /** Writes {@code <first 3 characters of sample>.tsv} when {@value #REPORT_ENV} is set; does nothing otherwise. */
    static void write(String sample, List<Label> labels, List<Label> notFound) {
        String dir = System.getenv(REPORT_ENV);
        if (dir == null || dir.isBlank()) {
            return;
        }
        List<String> rows = new ArrayList<>(List.of("line\tfound\tlabel\tkey\tsection\tblock\tparent"));
        for (Label label : labels) {
            rows.add(String.join("\t", String.valueOf(label.line()), notFound.contains(label) ? "no" : "yes",
                    label.text(), key(label.text()), label.section(), label.block(), String.valueOf(label.parent())));
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, sample.substring(0, 3) + ".tsv"), rows, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
