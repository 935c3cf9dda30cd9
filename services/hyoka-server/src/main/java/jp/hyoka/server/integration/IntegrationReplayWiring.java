package jp.hyoka.server.integration;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Results;

import java.util.HashMap;
import java.util.List;

/** Replays of integration events for platform operators (the SDL's {@code @access} admits no one else). */
@Singleton
public class IntegrationReplayWiring implements GraphQlFeature {

    private final IntegrationReplay replay;

    public IntegrationReplayWiring(IntegrationReplay replay) {
        this.replay = replay;
    }

    @Override
    public String sdlFile() {
        return "integration-replay.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("integrationReplay",
                environment -> replay.status().map(IntegrationReplayWiring::fields).orElse(null)));
        wiring.type("Mutation", type -> type.dataFetcher("replayIntegrationEvents", environment -> {
            Integer to = environment.getArgument("toPosition");
            Integer rate = environment.getArgument("ratePerSecond");
            try {
                return replay.start((Integer) environment.getArgument("fromPosition"),
                        to == null ? null : to.longValue(), environment.getArgument("municipalityCode"),
                        rate == null ? 500 : rate).<Results.Typed>map(IntegrationReplayWiring::fields)
                        .orElse(new Running("IntegrationReplayRunning", "INTEGRATION_REPLAY_RUNNING", "A replay is "
                                + "running on this node: follow it (integrationReplay), or start one when it has ended."));
            } catch (IntegrationReplay.BadArgument e) {
                return new Results.ProblemNode(e.rejection(), List.of());
            }
        }));
    }

    /** A replay's status as the IntegrationReplay fields read it; a member of the mutation's result union too. */
    static final class ReplayNode extends HashMap<String, Object> implements Results.Typed {
        @Override
        public String graphQlType() {
            return "IntegrationReplay";
        }
    }

    /** Another replay runs on this node: a Problem of the result union. */
    record Running(String graphQlType, String code, String message) implements Results.Typed {
    }

    private static ReplayNode fields(IntegrationReplay.Status status) {
        ReplayNode fields = new ReplayNode();
        fields.put("state", status.state().name());
        fields.put("fromPosition", status.fromPosition());
        fields.put("toPosition", status.toPosition());
        fields.put("municipalityCode", status.municipalityCode());
        fields.put("ratePerSecond", status.ratePerSecond());
        fields.put("scanned", status.scanned());
        fields.put("queued", status.queued());
        long range = Math.max(1, status.toPosition() - status.fromPosition() + 1);
        fields.put("percent", status.state() == IntegrationReplay.State.FINISHED ? 100.0
                : Math.min(100.0, 100.0 * status.scanned() / range));
        fields.put("startedAt", status.startedAt());
        fields.put("finishedAt", status.finishedAt());
        fields.put("error", status.error());
        return fields;
    }
}
