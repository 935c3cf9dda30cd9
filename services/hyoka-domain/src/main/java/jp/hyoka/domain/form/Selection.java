package jp.hyoka.domain.form;

import java.util.Objects;

/** One ticked option of a checkbox group, with its free text ("その他 ( … )") or count ("( N ) 件") if any. */
public record Selection(String optionCode, String text, Long count) {
    public Selection {
        Objects.requireNonNull(optionCode, "optionCode");
    }

    String plainText() {
        return optionCode + (text == null ? "" : " (" + text + ")") + (count == null ? "" : " (" + count + ")");
    }
}
