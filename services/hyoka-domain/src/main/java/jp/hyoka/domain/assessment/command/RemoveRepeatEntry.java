package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Remove an entry of a repeating group, with every answer and nested entry inside it. */
public record RemoveRepeatEntry(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision,
                                String groupId, List<String> parentEntries, String entryId, String reason, Actor by,
                                Instant at) implements RevisionedCommand {
    public RemoveRepeatEntry {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(entryId, "entryId");
        parentEntries = parentEntries == null ? List.of() : List.copyOf(parentEntries);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
