package jp.hyoka.domain.rejection;

/**
 * Not a 地方公共団体コード: not six digits, or a wrong check digit (DOMAIN.md §6.3). A wrong check digit is almost
 * always a typo, so the message names the digit that would make the first five digits valid.
 */
public record InvalidMunicipalityCode(String given, String expectedCheckDigit) implements Rejection {
    @Override
    public String code() {
        return "INVALID_MUNICIPALITY_CODE";
    }

    @Override
    public String message() {
        return expectedCheckDigit == null
                ? "\"" + given + "\" is not a 地方公共団体コード (six digits, the last a check digit)."
                : "\"" + given + "\" has a wrong check digit: for " + given.substring(0, 5) + " it is " + expectedCheckDigit + ".";
    }
}
