package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.rejection.Rejection;

import java.util.List;

/** What became of an edit: stored at a new revision, or refused with a typed reason (and nothing stored). */
public sealed interface EditOutcome {

    /** The outcome with the id of the entry an AddRepeatEntry created (ignored on refusals). */
    default EditOutcome withEntry(String entryId) {
        return this instanceof Edited edited ? new Edited(edited.assessmentId(), edited.revision(), entryId) : this;
    }

    /** {@code addedEntryId}: the entry an AddRepeatEntry created, else null. */
    record Edited(AssessmentId assessmentId, long revision, String addedEntryId) implements EditOutcome {
        public Edited(AssessmentId assessmentId, long revision) {
            this(assessmentId, revision, null);
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
