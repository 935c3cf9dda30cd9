package jp.hyoka.domain.rejection;

import java.util.List;

/**
 * A publication lists each change with its 提出時期に係る説明 (DOMAIN.md §4.3); these changes have none yet. Each is
 * named by item id and entry ids ("file.usage.method@f1").
 */
public record ExplanationRequired(List<String> changes) implements Rejection {
    public ExplanationRequired {
        changes = List.copyOf(changes);
    }

    @Override
    public String code() {
        return "EXPLANATION_REQUIRED";
    }

    @Override
    public String message() {
        return changes.size() + " change(s) need an explanation before publishing: " + String.join(", ", changes);
    }
}
