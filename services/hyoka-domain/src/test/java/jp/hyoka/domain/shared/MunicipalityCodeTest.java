package jp.hyoka.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MunicipalityCodeTest {

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "141305, 川崎市",
            "012041, 旭川市 (s mod 11 = 10)",
            "131075, 墨田区",
            "141003, 横浜市",
            "431001, 熊本市",
            "011011, 札幌市中央区 (s mod 11 = 0: 11 -> 1)",
            "141020, 横浜市鶴見区 (s mod 11 = 1: 10 -> 0)",
    })
    void givenValidCode_whenParsedOrConstructed_thenAccepted(String code, String municipality) {
        assertThat(MunicipalityCode.isValid(code)).isTrue();
        assertThat(MunicipalityCode.parse(code)).contains(new MunicipalityCode(code));
        assertThat(new MunicipalityCode(code)).hasToString(code);
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource({
            "141306, wrong check digit",
            "141300, wrong check digit",
            "012040, wrong check digit",
            "14130, 5 digits",
            "1413050, 7 digits",
            "14130a, letter",
            "abcdef, letters",
            "１４１３０５, full-width digits",
            "' 14130', leading blank",
            "'14130 ', trailing blank",
            "-14130, sign",
    })
    void givenInvalidCode_whenParsedOrConstructed_thenRefused(String code, String why) {
        assertThat(MunicipalityCode.isValid(code)).isFalse();
        assertThat(MunicipalityCode.parse(code)).isEmpty();
        assertThatThrownBy(() -> new MunicipalityCode(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = {"      "})
    void givenEmptyOrBlank_whenParsed_thenEmpty(String code) {
        assertThat(MunicipalityCode.parse(code)).isEmpty();
    }

    @Test
    void givenNull_whenParsed_thenEmpty() {
        assertThat(MunicipalityCode.parse(null)).isEmpty();
        assertThat(MunicipalityCode.isValid(null)).isFalse();
    }

    @Test
    void givenNull_whenConstructed_thenNullPointer() {
        assertThatNullPointerException().isThrownBy(() -> new MunicipalityCode(null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"14130, 5", "01204, 1", "01101, 1", "14102, 0", "00000, 1"})
    void givenFiveDigits_whenCheckDigit_thenLastDigitOf11MinusRemainder(String fiveDigits, int expected) {
        assertThat(MunicipalityCode.checkDigit(fiveDigits)).isEqualTo(expected);
    }
}
