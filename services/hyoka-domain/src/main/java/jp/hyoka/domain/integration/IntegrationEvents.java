package jp.hyoka.domain.integration;

import jp.hyoka.domain.assessment.PublicVersion;
import jp.hyoka.domain.assessment.PublishedChange;
import jp.hyoka.domain.assessment.event.AffairEnded;
import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ComponentProposalDeclined;
import jp.hyoka.domain.assessment.event.ComponentVersionAdopted;
import jp.hyoka.domain.assessment.event.DocumentImported;
import jp.hyoka.domain.assessment.event.NextVersionStarted;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.components.event.ComponentVersionPublished;
import jp.hyoka.domain.platform.MunicipalityOnboarded;
import jp.hyoka.domain.rules.deadlines.Deadline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which domain events are told outside, and as what: pure, one integration event per domain event at most. The
 * contracts are data in {@code schema/events/} (one JSON Schema per name and version), which tests hold the payloads
 * built here against. Events not listed (answers, entries, adaptations …) stay internal: consumers learn a document's
 * content from what it publishes, as the public does.
 */
public final class IntegrationEvents {

    /** Every contract this mapping can produce, as {@code name.vN}. */
    public static final List<String> CONTRACTS = List.of(
            "assessment.started.v1", "assessment.version-published.v1", "assessment.next-version-started.v1",
            "assessment.document-imported.v1", "assessment.personal-data-redacted.v1", "assessment.affair-ended.v1",
            "assessment.deadline-reached.v1",
            "component.proposal-raised.v1", "component.proposal-adopted.v1", "component.proposal-declined.v1", "component.version-published.v1",
            "platform.municipality-onboarded.v1");

    private IntegrationEvents() {
    }

    /** The integration event a domain event is told outside as, if any. */
    public static Optional<IntegrationEvent> of(Object domainEvent) {
        if (domainEvent instanceof AssessmentEvent event) {
            return assessment(event);
        }
        if (domainEvent instanceof ComponentVersionPublished published) {
            return Optional.of(new IntegrationEvent("component.version-published", 1, null,
                    published.componentId().value(), published.at(), map(
                            "componentId", published.componentId().value(),
                            "version", published.version(),
                            "previousVersion", published.previousVersion())));
        }
        if (domainEvent instanceof MunicipalityOnboarded onboarded) {
            // the first administrator's e-mail and name are personal data: not told
            return Optional.of(new IntegrationEvent("platform.municipality-onboarded", 1,
                    onboarded.municipality().value(), onboarded.municipality().value(), onboarded.at(), map(
                            "municipalityCode", onboarded.municipality().value(),
                            "name", onboarded.name())));
        }
        return Optional.empty();
    }

    /**
     * A newer published version of a component was proposed to a document's use (raised by the platform, not by an
     * event of the document: see the components feature's fan-out).
     */
    public static IntegrationEvent proposalRaised(String tenant, String assessmentId, String useId, String componentId,
                                                  int fromVersion, int toVersion, java.time.Instant raisedAt) {
        return new IntegrationEvent("component.proposal-raised", 1, tenant, assessmentId, raisedAt, map(
                "municipalityCode", tenant, "assessmentId", assessmentId, "useId", useId, "componentId", componentId,
                "fromVersion", fromVersion, "toVersion", toVersion));
    }

    /**
     * An assessment's deadline entered a new status on a day in Japan (due soon, overdue, or a window elapsed): told by
     * the rules feature's daily pass, not by an event of the document. Never the label's text alone: the kind is the
     * contract, the label is for people.
     */
    public static IntegrationEvent deadlineReached(String tenant, String assessmentId, Deadline deadline,
                                                   java.time.LocalDate on, java.time.Instant toldAt) {
        return new IntegrationEvent("assessment.deadline-reached", 1, tenant, assessmentId, toldAt, map(
                "municipalityCode", tenant, "assessmentId", assessmentId, "kind", deadline.kind().name(),
                "status", deadline.status().name(), "dueOn", deadline.dueOn().toString(),
                "countedFrom", deadline.countedFrom().toString(), "asOf", on.toString(),
                "label", deadline.kind().label()));
    }

    private static Optional<IntegrationEvent> assessment(AssessmentEvent event) {
        Map<String, Object> payload;
        String name;
        if (event instanceof AssessmentStarted started) {
            name = "assessment.started";
            payload = map("form", map("kind", started.form().kind().name(), "version", started.form().version()),
                    "affairName", started.affairName());
        } else if (event instanceof VersionPublished published) {
            name = "assessment.version-published";
            payload = map("version", published.version(), "publishedOn", published.publishedOn().toString(),
                    "changes", published.changes().stream()
                            .map(change -> change(change, published.withheldItemIds())).toList());
        } else if (event instanceof NextVersionStarted next) {
            name = "assessment.next-version-started";
            payload = map("version", next.version());
        } else if (event instanceof DocumentImported imported) {
            name = "assessment.document-imported";
            payload = map("sourceName", imported.sourceName() == null ? "" : imported.sourceName(),
                    "contentHash", imported.contentHash(), "rowsRead", imported.rowsRead(),
                    "rowsMapped", imported.rowsMapped(), "rowsKeptAside", imported.unmapped().size());
        } else if (event instanceof AffairEnded ended) {
            name = "assessment.affair-ended";
            payload = map("endedOn", ended.endedOn().toString());
        } else if (event instanceof PersonalDataRedacted) {
            // never the text: that is what was withheld. Consumers re-read the document.
            name = "assessment.personal-data-redacted";
            payload = map();
        } else if (event instanceof ComponentVersionAdopted adopted) {
            name = "component.proposal-adopted";
            payload = map("componentId", adopted.componentId().value(), "fromVersion", adopted.fromVersion(),
                    "toVersion", adopted.toVersion(), "itemId", adopted.itemId().value(), "entryIds", adopted.entries(),
                    "timing", adopted.timing().name());
        } else if (event instanceof ComponentProposalDeclined declined) {
            name = "component.proposal-declined";
            payload = map("componentId", declined.componentId().value(), "fromVersion", declined.fromVersion(),
                    "toVersion", declined.toVersion(), "itemId", declined.itemId().value(),
                    "entryIds", declined.entries());
        } else {
            return Optional.empty();
        }
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("municipalityCode", event.tenant().value());
        full.put("assessmentId", event.assessmentId().toString());
        full.put("actorId", event.by().userId());
        full.putAll(payload);
        return Optional.of(new IntegrationEvent(name, 1, event.tenant().value(), event.assessmentId().toString(),
                event.at(), full));
    }

    /** A 変更箇所 row as published: the texts are what the municipality published. */
    /**
     * A row as the public reads it: a 非公表 item's before, after and explanation read the 非公表 wording (each could
     * tell the withheld value), like {@link PublicVersion#changes}. Integrators publish what they receive.
     */
    private static Map<String, Object> change(PublishedChange change, List<String> withheldItemIds) {
        boolean withheld = withheldItemIds.contains(change.itemId().value());
        return map("itemId", change.itemId().value(), "entryIds", change.entries(), "itemPath", change.itemPath(),
                "before", withheld ? PublicVersion.WORDING : orEmpty(change.beforeText()),
                "after", withheld ? PublicVersion.WORDING : orEmpty(change.afterText()),
                "timing", change.timing().name(),
                "explanation", withheld ? PublicVersion.WORDING : orEmpty(change.explanation()));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
