package jp.hyoka.domain.form;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ItemIdTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "affair.name",
            "personal-number-use.legal-basis",
            "affair",
            "cover.published-on",
            "key-only.item",
            "file1.record-count2",
            "a.b-2.c3-d4",
    })
    void givenWellFormedId_whenCreated_thenAccepted(String value) {
        assertThat(ItemId.isWellFormed(value)).isTrue();
        assertThat(new ItemId(value)).hasToString(value);
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = {
            "Affair.name",
            "affair..name",
            "affair.",
            ".affair",
            "1affair",
            "affair.1name",
            "affair_name",
            "affair name",
            "affair-.name",
            "affair--name",
            "-affair",
            "affair.name-",
            "事務.名称",
            " affair.name",
    })
    void givenMalformedId_whenCreated_thenRefused(String value) {
        assertThat(ItemId.isWellFormed(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new ItemId(value));
    }

    @Test
    void givenIdOf121Characters_whenCreated_thenRefused() {
        String atLimit = "a".repeat(120);

        assertThat(ItemId.isWellFormed(atLimit)).isTrue();
        assertThat(ItemId.isWellFormed(atLimit + "b")).isFalse();
    }

    @Test
    void givenNull_whenChecked_thenNotWellFormed() {
        assertThat(ItemId.isWellFormed(null)).isFalse();
    }

    @Test
    void givenSameValue_whenCreatedTwice_thenEqual() {
        assertThat(new ItemId("affair.name")).isEqualTo(new ItemId("affair.name")).hasSameHashCodeAs(new ItemId("affair.name"));
    }
}
