package jp.hyoka.example;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The example consumer handles each event once, also across a restart. */
class SeenEventsTest {

    @Test
    void givenAnIdSeenBefore_whenOfferedAgain_thenItIsADuplicate_evenAfterARestart(@TempDir Path directory) {
        Path file = directory.resolve("141305.seen");
        SeenEvents seen = new SeenEvents(file);

        assertThat(seen.firstTime("7f0c8d9e-0000-3000-8000-000000000001")).isTrue();
        assertThat(seen.firstTime("7f0c8d9e-0000-3000-8000-000000000001")).isFalse();
        assertThat(seen.firstTime(null)).isFalse();
        assertThat(new SeenEvents(file).firstTime("7f0c8d9e-0000-3000-8000-000000000001")).isFalse();
        assertThat(new SeenEvents(file).firstTime("7f0c8d9e-0000-3000-8000-000000000002")).isTrue();
    }
}
