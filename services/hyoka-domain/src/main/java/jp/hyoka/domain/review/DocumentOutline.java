package jp.hyoka.domain.review;

import jp.hyoka.domain.form.FormDefinition;

import java.util.Map;

/**
 * What a new thread's anchor is checked against: the form revision the assessment is on and its repeat entries
 * as they are now (entry id → group id).
 */
public record DocumentOutline(FormDefinition form, Map<String, String> entryGroups) {
    public DocumentOutline {
        entryGroups = Map.copyOf(entryGroups);
    }
}
