package jp.hyoka.server.rules;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.server.axon.RefusableCommands;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.Results;
import jp.hyoka.server.graphql.Results.ProblemNode;
import jp.hyoka.server.security.Caller;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The municipality's 重大事故 in GraphQL ({@code serious-incidents.graphqls}): recorded by an approver, listed. */
@Singleton
public class SeriousIncidentsWiring implements GraphQlFeature {

    /** A stored incident, read back by the SeriousIncidentRecorded fields. */
    record RecordedNode(UUID incidentId) implements Results.Typed {
        @Override
        public String graphQlType() {
            return "SeriousIncidentRecorded";
        }
    }

    private final SeriousIncidents incidents;
    private final SeriousIncidentQueries queries;

    public SeriousIncidentsWiring(SeriousIncidents incidents, SeriousIncidentQueries queries) {
        this.incidents = incidents;
        this.queries = queries;
    }

    @Override
    public String sdlFile() {
        return "serious-incidents.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("seriousIncidents",
                        environment -> queries.incidents(Requests.caller(environment).tenant()))
                .dataFetcher("seriousIncidentsConnection", environment -> {
                    Caller caller = Requests.caller(environment);
                    return Connection.of(queries.incidents(caller.tenant(), Requests.page(environment, 20)),
                            incident -> incident, () -> Math.toIntExact(queries.count(caller.tenant())));
                }));
        wiring.type("Mutation", type -> type.dataFetcher("recordSeriousIncident", this::record));
        wiring.type("SeriousIncidentRecorded", type -> type.dataFetcher("incident", environment -> {
            UUID id = ((RecordedNode) environment.getSource()).incidentId();
            return queries.incidents(Requests.caller(environment).tenant()).stream()
                    .filter(incident -> incident.id().equals(id)).findFirst().orElse(null);
        }));
        wiring.type("SeriousIncident", type -> type
                .dataFetcher("id", environment -> incident(environment).id().toString())
                .dataFetcher("concernsSpecificPersonalInformation",
                        environment -> incident(environment).specificPersonalInformation()));
        wiring.type("RecordSeriousIncidentResult", type -> type.typeResolver(Results.RESOLVER));
    }

    private static SeriousIncidentQueries.IncidentRow incident(DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    private Object record(DataFetchingEnvironment environment) {
        Caller caller = Requests.caller(environment);
        Map<String, Object> input = environment.getArgument("input");
        RefusableCommands.Sent<UUID> sent = incidents.record(caller, (String) input.get("idempotencyKey"),
                (LocalDate) input.get("discoveredOn"),
                (Boolean) input.get("concernsSpecificPersonalInformation"), (String) input.get("summary"));
        if (sent instanceof RefusableCommands.Refused<UUID> refused) {
            return new ProblemNode(refused.rejection(), List.of());
        }
        return new RecordedNode(((RefusableCommands.Done<UUID>) sent).answer());
    }
}
