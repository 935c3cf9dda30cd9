package jp.hyoka.server.assessment;

import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.Item;
import jp.hyoka.server.assessment.Nodes.AnswerNode;
import jp.hyoka.server.forms.ClasspathFormCatalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The changes a form-revision migration recorded (from its history line), each answer on the form revision it
 * belongs to: shown by the migration's result and by the edit history.
 */
public final class FormChanges {

    private FormChanges() {
    }

    /**
     * The FormChange rows of a migration's history line, as GraphQL FormChange objects; "before" answers read
     * against the revision migrated from, "after" answers against the one migrated to.
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> of(HistoryEntry entry, ClasspathFormCatalog forms) {
        Object changes = entry.detail().get("changes");
        if (!(changes instanceof List<?> list)) {
            return List.of();
        }
        Optional<FormDefinition> from = form(forms, entry.detail().get("from"));
        Optional<FormDefinition> to = form(forms, entry.detail().get("to"));
        return list.stream().map(change -> {
            Map<String, Object> raw = (Map<String, Object>) change;
            String itemId = (String) raw.get("itemId");
            Map<String, Object> node = new HashMap<>();
            node.put("kind", raw.get("kind"));
            node.put("itemId", itemId);
            node.put("entryIds", raw.getOrDefault("entries", List.of()));
            node.put("before", answer(raw.get("before"), from, itemId));
            node.put("after", answer(raw.get("after"), to, itemId));
            node.put("detail", raw.get("detail"));
            return node;
        }).toList();
    }

    private static Optional<FormDefinition> form(ClasspathFormCatalog forms, Object ref) {
        if (!(ref instanceof String text) || !text.contains("@")) {
            return Optional.empty();
        }
        String[] parts = text.split("@", 2);
        return forms.find(new FormRef(FormKind.valueOf(parts[0]), parts[1]));
    }

    private static AnswerNode answer(Object raw, Optional<FormDefinition> form, String itemId) {
        if (raw == null) {
            return null;
        }
        Item item = form.flatMap(definition -> AssessmentWiring.item(definition, itemId)).orElse(null);
        return new AnswerNode(ReadModels.answerFrom(raw), item);
    }
}
