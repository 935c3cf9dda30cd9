package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.importing.body.UnmappedContent;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;
import java.util.List;

/**
 * A published 評価書 (file {@code sourceName}, SHA-256 {@code contentHash}) was taken over as this assessment by
 * {@code by}: the events before it in the same commit carry its entries and answers. What no form item could take
 * is kept here as the document wrote it ({@code unmapped}), so nothing of the source is lost.
 *
 * @param rowsRead   non-empty rows of the document body
 * @param rowsMapped rows recognised as headings or taken into answers
 */
public record DocumentImported(AssessmentId assessmentId, MunicipalityCode tenant, String sourceName,
                               String contentHash, int rowsRead, int rowsMapped, List<UnmappedContent> unmapped,
                               String reason, Actor by, Instant at) implements AssessmentEvent {
    public DocumentImported {
        unmapped = unmapped == null ? List.of() : List.copyOf(unmapped);
    }
}
