package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.assessment.PublicVersion;
import jp.hyoka.domain.assessment.PublishedAnnexRows;
import jp.hyoka.domain.assessment.Redaction;
import jp.hyoka.domain.assessment.event.AffairEnded;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.DocumentImported;
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
     * The version last published at or before {@code at}, as the public may read it ({@link PublicVersion}): its
     * 非公表 items and their 変更箇所 rows in the official wording, every person's data redacted. Later drafts are not
     * in it. Empty if no version was published by then (or the assessment is unknown, or another municipality's).
     */
    public Optional<Folded> publicVersion(MunicipalityCode tenant, AssessmentId id, Instant at) {
        long publishedAt = 0;
        long revision = 0;
        AffairEnded ended = null;
        for (AssessmentEvent event : events(id)) {
            revision++;
            if (!event.tenant().equals(tenant) || event.at().isAfter(at)) {
                break;
            }
            if (event instanceof VersionPublished || (event instanceof DocumentImported imported && imported.rowsRead() > 0)
                    || (event instanceof PastChangesImported && publishedAt == revision - 1)) {
                publishedAt = revision;     // an import's annex, right after it, belongs to its publication
            }
            if (event instanceof AffairEnded end) {
                ended = end;
            }
        }
        if (publishedAt == 0) {
            return Optional.empty();
        }
        // the end of the 事務 is published as it is recorded (the 評価書名's 【…終了】), not with the next version
        AffairEnded end = ended;
        return atRevision(tenant, id, publishedAt).map(folded -> {
            Assessment state = end == null ? folded.state() : folded.state().evolve(end);
            return new Folded(PublicVersion.of(state), PublicVersion.changes(state, folded.past()));
        });
    }

    /** Every event of the assessment from its first (never a snapshot: as-of reads need each revision). */
    private List<AssessmentEvent> events(AssessmentId id) {
        DomainEventStream stream = axon.eventStore().readEvents(id.toString(), 0);
        List<AssessmentEvent> events = new ArrayList<>();
        while (stream.hasNext()) {
            events.add((AssessmentEvent) stream.next().getPayload());
        }
        return events;
    }

    /**
     * Folds the events that {@code included} admits, up to {@code lastRevision}, then withholds every person's data the
     * stream redacts — also redactions made after that moment: a redaction applies to the past as well.
     */
    private Optional<Folded> fold(MunicipalityCode tenant, AssessmentId id, Predicate<AssessmentEvent> included,
                                  long lastRevision) {
        List<AssessmentEvent> events = events(id);
        List<Redaction> redactions = new ArrayList<>();
        for (AssessmentEvent event : events) {
            if (!event.tenant().equals(tenant)) {
                return Optional.empty();
            }
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
