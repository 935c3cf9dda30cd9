package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.rejection.Rejection;

import java.util.List;

/** What became of an edit: stored at a new revision, or refused with a typed reason (and nothing stored). */
public sealed interface EditOutcome {

    /** The outcome with the id of the entry an AddRepeatEntry created (ignored on refusals). */
    default EditOutcome withEntry(String entryId) {
        return this instanceof Edited edited
                ? new Edited(edited.assessmentId(), edited.revision(), entryId, edited.visible()) : this;
    }

    /**
     * {@code addedEntryId}: the entry an AddRepeatEntry created, else null. {@code visible}: the read models were seen
     * showing this revision before the outcome was made (read-your-writes); false when that is not known.
     */
    record Edited(AssessmentId assessmentId, long revision, String addedEntryId, boolean visible)
            implements EditOutcome {
        public Edited(AssessmentId assessmentId, long revision) {
            this(assessmentId, revision, null, false);
        }

        public Edited(AssessmentId assessmentId, long revision, String addedEntryId) {
            this(assessmentId, revision, addedEntryId, false);
        }
    }

    /** {@code changesSince} is filled for a stale revision: what the client has not seen yet. */
    record Refused(Rejection rejection, List<HistoryEntry> changesSince) implements EditOutcome {
        public Refused {
            changesSince = List.copyOf(changesSince);
        }

        public Refused(Rejection rejection) {
            this(rejection, List.of());
        }
    }
}
