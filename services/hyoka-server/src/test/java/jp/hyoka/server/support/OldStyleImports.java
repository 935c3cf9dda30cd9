package jp.hyoka.server.support;

import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.DocumentContentImported;

import java.util.ArrayList;
import java.util.List;

/**
 * An import's events as imports stored them before 2026-12 (one RepeatEntryAdded per entry, one ItemAnswered per
 * answer, where the DocumentContentImported now stands): what stored streams of that time hold, to prove that both
 * shapes read the same.
 */
public final class OldStyleImports {

    private OldStyleImports() {
    }

    public static List<AssessmentEvent> expand(List<? extends AssessmentEvent> events) {
        List<AssessmentEvent> expanded = new ArrayList<>();
        for (AssessmentEvent event : events) {
            if (event instanceof DocumentContentImported content) {
                expanded.addAll(content.edits());
            } else {
                expanded.add(event);
            }
        }
        return expanded;
    }
}
