package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;

/**
 * The assessment moved to another revision of its form (様式改正, e.g. 4情報 → 5情報). {@code changes} records what the
 * move did to the document: answers mapped to new option codes or dropped, items added, removed or relabelled.
 */
public record FormRevisionMigrated(AssessmentId assessmentId, MunicipalityCode tenant, FormRef from, FormRef to,
                                   List<FormChange> changes, String reason, Actor by, Instant at)
        implements AssessmentEvent {
    public FormRevisionMigrated {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
