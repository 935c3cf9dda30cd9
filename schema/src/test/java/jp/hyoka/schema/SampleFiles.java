package jp.hyoka.schema;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/**
 * Where the sample exports are. The samples live outside the repository ({@code <clone>/../shared/samples}); they are
 * found by walking up from the working directory, or taken from the environment variable {@value #SAMPLES_ENV}. If
 * they cannot be found the test fails: it never skips.
 */
final class SampleFiles {

    static final String SAMPLES_ENV = "HYOKA_SAMPLES_DIR";

    private SampleFiles() {
    }

    /**
     * {@value #SAMPLES_ENV} if set, else the first "shared/samples" folder found walking up from the working directory
     * (the module directory under surefire; CI checks the repository out beside shared/), else the copies kept in
     * src/test/resources/samples.
     */
    static Path samplesDir() {
        String configured = System.getenv(SAMPLES_ENV);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (!Files.isDirectory(dir)) {
                fail("%s=%s is not a directory".formatted(SAMPLES_ENV, configured));
            }
            return dir;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/samples"))) {
                return dir.resolve("shared/samples");
            }
        }
        // The copies kept with the tests (src/test/resources/samples), so the test runs in any checkout.
        Path fixtures = Path.of("src/test/resources/samples");
        if (Files.isDirectory(fixtures)) {
            return fixtures;
        }
        return fail(("sample exports not found: no shared/samples folder in %s or any parent directory, and no %s. "
                + "Set %s to the folder holding 000_79b26e22842cb490.txt, 003_6c10cb1f5ae90412.txt and "
                + "004_2993d137f3c1df7b.txt.").formatted(start, fixtures.toAbsolutePath(), SAMPLES_ENV));
    }
}
