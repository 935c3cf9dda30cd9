package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Take an item's 非公表 mark away: from the next publication on, its value is public again. */
public record RestoreItemPublication(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision,
                                     ItemId itemId, List<String> entries, String reason, Actor by, Instant at)
        implements RevisionedCommand {
    public RestoreItemPublication {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(itemId, "itemId");
        entries = entries == null ? List.of() : List.copyOf(entries);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
