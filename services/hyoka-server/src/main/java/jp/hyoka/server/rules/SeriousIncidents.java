package jp.hyoka.server.rules;

import jakarta.inject.Singleton;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rules.incidents.RecordSeriousIncident;
import jp.hyoka.domain.rules.incidents.SeriousIncidentDecider;
import jp.hyoka.server.axon.ReadModelCatchUp;
import jp.hyoka.server.axon.RefusableCommands;
import jp.hyoka.server.axon.TimeOrderedIds;
import jp.hyoka.server.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Records the caller's municipality's 重大事故 (the domain decides) and waits until the read model shows it, so the
 * deadlines asked right after count it. With an idempotency key the incident's id comes from the key, so a retry (a
 * response lost, ServiceUnavailable) answers the first record instead of recording it twice.
 */
@Singleton
public class SeriousIncidents {

    private final CommandGateway commands;
    private final SeriousIncidentQueries queries;
    private final ReadModelCatchUp catchUp;
    private final Clock clock = Clock.systemUTC();
    private final TimeOrderedIds ids = new TimeOrderedIds(clock);

    public SeriousIncidents(CommandGateway commands, SeriousIncidentQueries queries, ReadModelCatchUp catchUp) {
        this.commands = commands;
        this.queries = queries;
        this.catchUp = catchUp;
    }

    /** The incident's id (new, or the first record's for a retried key), or the refusal. */
    public RefusableCommands.Sent<UUID> record(Caller caller, String idempotencyKey, LocalDate discoveredOn,
                                               boolean specificPersonalInformation, String summary) {
        UUID incidentId;
        try {
            incidentId = idempotencyKey == null ? ids.next()
                    : SeriousIncidentDecider.incidentIdFor(caller.tenant(), idempotencyKey);
        } catch (CommandRejected rejected) {
            return new RefusableCommands.Refused<>(rejected.rejection());
        }
        RecordSeriousIncident command = new RecordSeriousIncident(incidentId, caller.tenant(), discoveredOn,
                specificPersonalInformation, summary, caller.actor(), clock.instant());
        RefusableCommands.Sent<SeriousIncidentLogAggregate.Recorded> sent = RefusableCommands.send(commands, command);
        if (sent instanceof RefusableCommands.Refused<SeriousIncidentLogAggregate.Recorded> refused) {
            return new RefusableCommands.Refused<>(refused.rejection());
        }
        long count = ((RefusableCommands.Done<SeriousIncidentLogAggregate.Recorded>) sent).answer().count();
        RefusableCommands.awaitVisible(catchUp, () -> queries.count(caller.tenant()), count,
                "the 重大事故 of " + caller.tenant().value());
        return new RefusableCommands.Done<>(command.incidentId());
    }
}
