package jp.hyoka.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The published 評価書 written for the import tests, kept with the domain module's tests that read them first
 * (services/hyoka-domain/src/test/resources/published, described in its README.md). Surefire and failsafe run in the
 * module directory, so they are found beside it. Never skips: a missing file is an IOException.
 */
public final class PublishedDocuments {

    public static final String BASIC_ITEMS = "basic-items-asahikawa-child-support.txt";
    public static final String BASIC_ITEMS_BOTH_VERDICTS = "basic-items-tsuruoka-disaster-condolence.txt";

    private static final Path DIRECTORY = Path.of("../hyoka-domain/src/test/resources/published");

    private PublishedDocuments() {
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(DIRECTORY.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
