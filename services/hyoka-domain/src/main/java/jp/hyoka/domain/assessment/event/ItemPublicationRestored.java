package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;

/** An item's 非公表 mark was taken away: versions published from now on show its value publicly again. */
public record ItemPublicationRestored(AssessmentId assessmentId, MunicipalityCode tenant, ItemId itemId,
                                      List<String> entries, String reason, Actor by, Instant at)
        implements AssessmentEvent {
    public ItemPublicationRestored {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
