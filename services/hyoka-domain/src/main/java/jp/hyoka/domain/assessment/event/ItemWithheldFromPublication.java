package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;

/**
 * An item was marked 非公表: versions published from now on show the official wording instead of its value to the
 * public (規則第13条: parts whose publication would create a security risk may be withheld; the 委員会 still
 * receives the full document). The mark belongs to the draft it was made in, like any edit.
 */
public record ItemWithheldFromPublication(AssessmentId assessmentId, MunicipalityCode tenant, ItemId itemId,
                                          List<String> entries, String reason, Actor by, Instant at)
        implements AssessmentEvent {
    public ItemWithheldFromPublication {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
