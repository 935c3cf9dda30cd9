package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PublishedChange;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Version {@code version} of the 評価書 was published (公表日 {@code publishedOn}) with these changes against the
 * version published before it: one per item that differs, however many edits the draft went through. They are the
 * 変更箇所 rows of this publication, worded as they were printed, with their 提出時期 and explanation.
 * {@code withheldItemIds} are the items marked 非公表 when it was published (sorted, each once): whatever tells this
 * publication outside Hyoka's own document views (integration events) prints their rows with the 非公表 wording.
 * Events stored before the field existed read as withholding nothing.
 */
public record VersionPublished(AssessmentId assessmentId, MunicipalityCode tenant, int version, LocalDate publishedOn,
                               List<PublishedChange> changes, List<String> withheldItemIds, String reason, Actor by, Instant at)
        implements AssessmentEvent {
    public VersionPublished {
        changes = changes == null ? List.of() : List.copyOf(changes);
        withheldItemIds = withheldItemIds == null ? List.of() : List.copyOf(withheldItemIds);
    }

    /**
     * This publication told with {@code more} items withheld too (sorted, each once): what a re-derivation applies
     * when marks made later, or events stored before they were carried, must not be told in clear.
     */
    public VersionPublished alsoWithholding(Collection<String> more) {
        return new VersionPublished(assessmentId, tenant, version, publishedOn, changes,
                Stream.concat(withheldItemIds.stream(), more.stream()).distinct().sorted().toList(), reason, by, at);
    }
}
