package jp.hyoka.domain.assessment;

import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.importing.annex.SubmissionTiming;

/**
 * Which publications are (re-)assessments (DOMAIN.md §3.4): the first; one with a change published 事前 (a 重要な変更,
 * by the ※ default or the approver's choice); and one that changes the 基礎項目評価 ①実施日, "the date of the last
 * (re-)assessment" — a re-assessment after five years may change nothing else. Publishing one waits for the
 * procedure's required steps; the five-year deadline counts from the last one.
 */
public final class Reassessments {

    /** 基礎項目評価 ①実施日 (V 1 ① / VI 1 ①): the date of the last (re-)assessment. */
    public static final ItemId PERFORMED_ON = new ItemId("procedure.basic-assessment.performed-on");

    private Reassessments() {
    }

    public static boolean isReassessment(VersionPublished published) {
        return published.version() == 1 || published.changes().stream().anyMatch(change ->
                change.timing() == SubmissionTiming.BEFORE || change.itemId().equals(PERFORMED_ON));
    }
}
