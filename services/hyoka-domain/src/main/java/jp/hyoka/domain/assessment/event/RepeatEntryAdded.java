package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;

/**
 * An entry was added to a repeating group (システム, 特定個人情報ファイル, 委託事項, 提供先, 移転先) under its parent entries,
 * at a 0-based position. Entry ids are stable: later answers address the entry by id, whatever its position.
 */
public record RepeatEntryAdded(AssessmentId assessmentId, MunicipalityCode tenant, String groupId,
                               List<String> parentEntries, String entryId, int position, String reason, Actor by,
                               Instant at) implements AssessmentEvent {
    public RepeatEntryAdded {
        parentEntries = parentEntries == null ? List.of() : List.copyOf(parentEntries);
    }
}
