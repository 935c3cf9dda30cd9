package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.form.Answer;

import java.util.List;

/**
 * One effect of a form-revision migration on a document.
 *
 * @param kind    ANSWER_MAPPED (option codes renamed), ANSWER_DROPPED (item gone, type changed or option gone),
 *                ENTRIES_DROPPED (repeating group gone), ITEM_ADDED, ITEM_REMOVED, ITEM_RELABELLED
 * @param before  the answer before, for answer changes; null otherwise
 * @param after   the answer after, for ANSWER_MAPPED; null otherwise
 */
public record FormChange(String kind, String itemId, List<String> entries, Answer before, Answer after, String detail) {

    public static final String ANSWER_MAPPED = "ANSWER_MAPPED";
    public static final String ANSWER_DROPPED = "ANSWER_DROPPED";
    public static final String ENTRIES_DROPPED = "ENTRIES_DROPPED";
    public static final String ITEM_ADDED = "ITEM_ADDED";
    public static final String ITEM_REMOVED = "ITEM_REMOVED";
    public static final String ITEM_RELABELLED = "ITEM_RELABELLED";

    public FormChange {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
