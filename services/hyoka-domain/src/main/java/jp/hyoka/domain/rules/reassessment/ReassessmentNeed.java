package jp.hyoka.domain.rules.reassessment;

import java.util.List;

/**
 * Whether a next version's changes make it a re-assessment: {@code importantItems} the changed items the form marks
 * 重要な変更, {@code steps} what must happen before the change takes effect (none for corrections), and why.
 */
public record ReassessmentNeed(boolean required, List<String> importantItems, List<ReassessmentStep> steps,
                               String explanation) {

    public ReassessmentNeed {
        importantItems = List.copyOf(importantItems);
        steps = List.copyOf(steps);
    }
}
