package jp.hyoka.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The CloudEvents ids already handled, kept in a file so that a restart remembers them: Hyoka delivers at least
 * once (a retry, a second relay, a replay), and the same event always carries the same id, so a consumer that
 * skips ids it has seen handles each event exactly once.
 */
final class SeenEvents {

    private final Path file;
    private final Set<String> seen = new HashSet<>();

    SeenEvents(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                seen.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True the first time an id is offered (and remembered from then on), false for a duplicate. */
    boolean firstTime(String eventId) {
        if (eventId == null || !seen.add(eventId)) {
            return false;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, eventId + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }
}
