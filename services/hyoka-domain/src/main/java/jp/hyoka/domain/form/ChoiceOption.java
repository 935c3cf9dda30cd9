package jp.hyoka.domain.form;

import java.util.Objects;

/**
 * One option of a selection field: a stable code and the label printed by the form revision. Some options take
 * a free text ("その他 ( … )", "評価実施機関内の他部署 ( … )") or a count ("提供を行っている ( N ) 件").
 */
public record ChoiceOption(String code, String label, boolean freeText, boolean count) {
    public ChoiceOption {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }

    public ChoiceOption(String code, String label) {
        this(code, label, false, false);
    }
}
