package jp.hyoka.domain.assessment.command;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Add an entry to a repeating group (a システム, a 特定個人情報ファイル, a 委託事項 …) under its parent entries, at a
 * position (null: at the end). The entry id is minted by the caller.
 */
public record AddRepeatEntry(AssessmentId assessmentId, MunicipalityCode tenant, long expectedRevision, String groupId,
                             List<String> parentEntries, String entryId, Integer position, String reason, Actor by,
                             Instant at) implements RevisionedCommand {
    public AddRepeatEntry {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(entryId, "entryId");
        parentEntries = parentEntries == null ? List.of() : List.copyOf(parentEntries);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
