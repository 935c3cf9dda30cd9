package jp.hyoka.server.axon;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A claim timeout at or near the interval a live holder renews its claim in (once a second while idle) lets nodes take
 * the read-model processor from each other: such a value is refused, naming the setting, the value and the rule.
 */
class ClaimTimeoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-10S", "PT-0.001S", "PT0.5S", "PT1S", "PT1.999S"})
    void givenATimeoutNotAtLeastTwoSeconds_whenChecked_thenItIsRefusedNamingTheSettingTheValueAndTheRule(String value) {
        Duration timeout = Duration.parse(value);

        assertThatThrownBy(() -> ClaimTimeout.checked(timeout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hyoka.read-models.claim-timeout must be at least 2s")
                .hasMessageEndingWith(": " + timeout);
    }

    /** 2 s: the crash tests' value; 10 s: the default (Axon's); an hour: long, but no fault. */
    @ParameterizedTest
    @ValueSource(strings = {"PT2S", "PT10S", "PT1H"})
    void givenATimeoutOfAtLeastTwoSeconds_whenChecked_thenItIsTaken(String value) {
        Duration timeout = Duration.parse(value);

        assertThat(ClaimTimeout.checked(timeout)).isEqualTo(timeout);
    }
}
