package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Mark one item (in a repeat entry: one entry's item) 非公表: its value is printed as the official wording in what
 * residents and the 委員会 read publicly, because publishing it would create a security risk (規則第13条). The
 * reason is required: it is what justifies withholding.
 */
public record WithholdItemFromPublication(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision,
                                          ItemId itemId, List<String> entries, String reason, Actor by, Instant at)
        implements RevisionedCommand {
    public WithholdItemFromPublication {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(itemId, "itemId");
        entries = entries == null ? List.of() : List.copyOf(entries);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
