package jp.hyoka.domain.exporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * The published exports (DOMAIN.md §0.1), found as the annex tests find them: a "shared/samples" folder walking up
 * from the working directory, else the copies kept with the schema module's tests. Never skips.
 */
final class SampleExports {

    private static final Path FIXTURE_COPIES = Path.of("../../schema/src/test/resources/samples");

    private SampleExports() {
    }

    /** The lines of the sample whose file name starts with e.g. "001_". */
    static List<String> lines(String number) {
        Path dir = directory();
        try (Stream<Path> files = Files.list(dir)) {
            Path file = files.filter(path -> path.getFileName().toString().startsWith(number + "_")).findFirst()
                    .orElseGet(() -> fail("sample " + number + "_*.txt not found in " + dir));
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/samples"))) {
                return dir.resolve("shared/samples");
            }
        }
        if (Files.isDirectory(FIXTURE_COPIES)) {
            return FIXTURE_COPIES;
        }
        return fail("sample exports not found: no shared/samples folder in " + Path.of("").toAbsolutePath()
                + " or any parent, and no " + FIXTURE_COPIES.toAbsolutePath().normalize());
    }
}
