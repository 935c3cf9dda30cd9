package jp.hyoka.server.rules;

import jp.hyoka.domain.rules.incidents.RecordSeriousIncident;
import jp.hyoka.domain.rules.incidents.SeriousIncidentDecider;
import jp.hyoka.domain.rules.incidents.SeriousIncidentRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Axon's view of a municipality's 重大事故 records: one stream per municipality ({@link #idOf}), so its records
 * are ordered, and a retried request (the same incident id: the same idempotency key) answers the first record, or is
 * refused by the domain when its content differs. The first record creates it.
 */
public class SeriousIncidentLogAggregate {

    /** What a handler answers: how many records the municipality now has (what read-your-writes waits for). */
    public record Recorded(long count) {
    }

    @AggregateIdentifier
    private String id;
    /** Every record of the municipality by incident id: what a retry is compared with. */
    private final Map<UUID, SeriousIncidentRecorded> recorded = new HashMap<>();

    /** For Axon: state is rebuilt from events, and the first record starts from this empty log. */
    public SeriousIncidentLogAggregate() {
        // no records until one is folded
    }

    /** The stream id: prefixed, since the event store's aggregate ids are unique across aggregate types. */
    static String idOf(String municipalityCode) {
        return "serious-incidents:" + municipalityCode;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(RecordSeriousIncident command) {
        SeriousIncidentDecider.record(Map.copyOf(recorded), command).ifPresent(AggregateLifecycle::apply);
        return new Recorded(recorded.size());
    }

    @EventSourcingHandler
    void on(SeriousIncidentRecorded event) {
        id = idOf(event.tenant().value());
        recorded.put(event.incidentId(), event);
    }
}
