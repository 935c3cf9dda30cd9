package jp.hyoka.domain.form;

import java.util.Objects;

/** One option of a selection field: a stable code and the label printed by the form revision. */
public record ChoiceOption(String code, String label) {
    public ChoiceOption {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }
}
