package jp.hyoka.domain.shared;

import java.util.Objects;
import java.util.Optional;

/**
 * A 地方公共団体コード (全国地方公共団体コード, JIS X 0402): five digits plus a check digit. Each municipality
 * is one Hyoka tenant, identified by this code.
 *
 * <p>Check digit: {@code s = 6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5}, then the last digit of {@code 11 − (s mod 11)}
 * (DOMAIN.md §6.3). A code with a wrong check digit is almost always a typo, so it is refused here rather than
 * creating a tenant nobody can find again.
 */
public record MunicipalityCode(String value) {

    private static final int[] WEIGHTS = {6, 5, 4, 3, 2};

    public MunicipalityCode {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid 地方公共団体コード: " + value);
        }
    }

    public static Optional<MunicipalityCode> parse(String candidate) {
        return candidate != null && isValid(candidate) ? Optional.of(new MunicipalityCode(candidate)) : Optional.empty();
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != 6 || !candidate.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return candidate.charAt(5) - '0' == checkDigit(candidate.substring(0, 5));
    }

    public static int checkDigit(String fiveDigits) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return (11 - sum % 11) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
