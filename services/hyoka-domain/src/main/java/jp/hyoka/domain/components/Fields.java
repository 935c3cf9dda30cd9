package jp.hyoka.domain.components;

import jp.hyoka.domain.form.PlainText;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;

/** Plain-text fields of component commands: cleaned like typed text, required, and within a limit. */
final class Fields {

    private Fields() {
    }

    static String required(String field, String value, int maxLength) {
        String cleaned = value == null ? "" : PlainText.clean(value);
        if (cleaned.isEmpty()) {
            throw new CommandRejected(new InvalidInput(field, "required"));
        }
        if (cleaned.codePointCount(0, cleaned.length()) > maxLength) {
            throw new CommandRejected(new InvalidInput(field, "at most " + maxLength + " characters"));
        }
        return cleaned;
    }
}
