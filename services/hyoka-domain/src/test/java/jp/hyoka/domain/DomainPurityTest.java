package jp.hyoka.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time and identity enter the domain through commands; decisions never read a clock or mint ids, so the same
 * command on the same state always decides the same. (Framework imports are already impossible: the module has
 * no dependencies, enforced by maven-enforcer.)
 */
class DomainPurityTest {

    private static final List<String> FORBIDDEN = List.of(
            "Instant.now(", "LocalDate.now(", "LocalDateTime.now(", "ZonedDateTime.now(", "Clock.system",
            "System.currentTimeMillis(", "UUID.randomUUID(", "new Random(", "new SecureRandom(");

    @Test
    void givenDomainSources_whenScanned_thenNoneReadsAClockOrMintsIds() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offences = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> offences(file).stream())
                    .toList();
            assertThat(offences).isEmpty();
        }
    }

    private static List<String> offences(Path file) {
        try {
            String source = Files.readString(file);
            return FORBIDDEN.stream().filter(source::contains).map(call -> file + " calls " + call).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
