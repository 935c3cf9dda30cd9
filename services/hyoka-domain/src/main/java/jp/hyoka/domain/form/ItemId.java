package jp.hyoka.domain.form;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable id of a form item: dot-separated, lower-case ASCII kebab-case segments naming the concept, such as
 * {@code affair.name} or {@code personal-number-use.legal-basis}. It never encodes the official numbering, which
 * differs between form kinds and revisions (個人番号の利用 is I 4 in 重点 and I 5 in 全項目); it never encodes a
 * label; and once used it is never reused for another meaning. schema/forms/README.md is the full scheme.
 */
public record ItemId(String value) {

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)*");

    public ItemId {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a well-formed item id: " + value);
        }
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && candidate.length() <= 120 && SCHEME.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
