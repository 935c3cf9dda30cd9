package jp.hyoka.domain.procedure;

import jp.hyoka.domain.form.ItemId;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a kind's procedure.
 *
 * @param required true if publishing waits for it; false for a 【任意】 step
 * @param after    the steps that must be done first
 * @param fills    the form item each value the step records answers, by value name ("period", "result", …)
 */
public record StepDefinition(ProcedureStep step, String label, boolean required, List<ProcedureStep> after,
                             Map<String, ItemId> fills) {
    public StepDefinition {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(label, "label");
        after = List.copyOf(after);
        fills = Collections.unmodifiableMap(new LinkedHashMap<>(fills));   // in the order the file lists them
    }
}
