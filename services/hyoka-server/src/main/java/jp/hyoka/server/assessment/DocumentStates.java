package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.assessment.PublishedAnnexRows;
import jp.hyoka.domain.assessment.Redaction;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.PastChangesImported;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An assessment as it was at a moment or a revision, folded from its own events with the domain's evolve: the event
 * stream is the record, so the past is shown exactly as it was, not reconstructed from read models. Every event is
 * checked to belong to the caller's municipality; a stream of another one reads as no assessment at all.
 */
@Singleton
public class DocumentStates {

    /** The document, and its 変更箇所 rows (imported and published) up to that point. */
    public record Folded(Assessment state, List<PastChange> past) {
    }

    private final Configuration axon;

    public DocumentStates(Configuration axon) {
        this.axon = axon;
    }

    /** As of {@code at} (events at or before it count); empty before the assessment was started. */
    public Optional<Folded> asOf(MunicipalityCode tenant, AssessmentId id, Instant at) {
        return fold(tenant, id, event -> !event.at().isAfter(at), Long.MAX_VALUE);
    }

    /** At {@code revision} (the first event is revision 1); empty for a revision it never had. */
    public Optional<Folded> atRevision(MunicipalityCode tenant, AssessmentId id, long revision) {
        return fold(tenant, id, event -> true, revision).filter(folded -> folded.state().revision() == revision);
    }

    public Optional<Folded> current(MunicipalityCode tenant, AssessmentId id) {
        return fold(tenant, id, event -> true, Long.MAX_VALUE);
    }

    /**
     * Folds the events that {@code included} admits, up to {@code lastRevision}, then withholds every person's data the
     * stream redacts — also redactions made after that moment: a redaction applies to the past as well.
     */
    private Optional<Folded> fold(MunicipalityCode tenant, AssessmentId id, Predicate<AssessmentEvent> included,
                                  long lastRevision) {
        DomainEventStream stream = axon.eventStore().readEvents(id.toString());
        List<AssessmentEvent> events = new ArrayList<>();
        List<Redaction> redactions = new ArrayList<>();
        while (stream.hasNext()) {
            AssessmentEvent event = (AssessmentEvent) stream.next().getPayload();
            if (!event.tenant().equals(tenant)) {
                return Optional.empty();
            }
            events.add(event);
            if (event instanceof PersonalDataRedacted redacted) {
                redactions.add(new Redaction(redacted.text()));
            }
        }
        Assessment state = null;
        List<PastChange> past = new ArrayList<>();
        for (AssessmentEvent event : events) {
            if ((state != null && state.revision() >= lastRevision) || !included.test(event)) {
                break;
            }
            state = state == null ? Assessment.begin((AssessmentStarted) event) : state.evolve(event);
            if (event instanceof PastChangesImported imported) {
                past.addAll(imported.changes());
            } else if (event instanceof VersionPublished published) {
                past.addAll(PublishedAnnexRows.of(published));
            }
        }
        if (state == null) {
            return Optional.empty();
        }
        List<PastChange> shownPast = List.copyOf(past);
        for (Redaction redaction : redactions) {
            state = state.withheld(redaction);
            shownPast = redaction.applyToChanges(shownPast);
        }
        return Optional.of(new Folded(state, shownPast));
    }
}
