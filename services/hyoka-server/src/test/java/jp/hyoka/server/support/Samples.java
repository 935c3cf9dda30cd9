package jp.hyoka.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The published exports of DOMAIN.md §0.1: the "shared/samples" folder beside the checkout when there is one (CI),
 * else the fixture copies in the schema module, so the tests never skip.
 */
public final class Samples {

    public static final String ALL_ITEMS_000 = "000_79b26e22842cb490.txt";
    public static final String ANNEX_ONLY_001 = "001_69f4873ac9f3f0f9.txt";
    public static final String KEY_ITEMS_003 = "003_6c10cb1f5ae90412.txt";
    public static final String KEY_ITEMS_004 = "004_2993d137f3c1df7b.txt";

    private static final Path FIXTURE_COPIES = Path.of("../../schema/src/test/resources/samples");

    private Samples() {
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(directory().resolve(name));
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
        return FIXTURE_COPIES;
    }
}
