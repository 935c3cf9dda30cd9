package jp.hyoka.server.rules;

import jakarta.inject.Singleton;
import jp.hyoka.domain.rules.incidents.RecordSeriousIncident;
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
 * deadlines asked right after count it.
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

    /** The new incident's id, or the refusal. */
    public RefusableCommands.Sent<UUID> record(Caller caller, LocalDate discoveredOn,
                                               boolean specificPersonalInformation, String summary) {
        RecordSeriousIncident command = new RecordSeriousIncident(ids.next(), caller.tenant(), discoveredOn,
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
