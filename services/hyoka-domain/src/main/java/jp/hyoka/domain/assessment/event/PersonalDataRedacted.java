package jp.hyoka.domain.assessment.event;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Instant;

/**
 * A person's data ({@code text}, e.g. a name written into a free-text answer) is withheld from this assessment's
 * documents, history and exports, past and present, from now on. The stored events that contain it stay as they
 * were, so the hash chain still verifies; erasing it from storage as well is the crypto-shredding design in the
 * README.
 */
public record PersonalDataRedacted(AssessmentId assessmentId, MunicipalityCode tenant, String text, String reason,
                                   Actor by, Instant at) implements AssessmentEvent {
}
