package jp.hyoka.server.rebuild;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Results;
import jp.hyoka.server.rebuild.ReadModelRebuilds;
import jp.hyoka.server.rebuild.RebuildStatus;
import jp.hyoka.server.rebuild.SwitchOver;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** Read-model rebuilds for platform operators (the SDL's {@code @access} admits no one else). */
@Singleton
public class RebuildWiring implements GraphQlFeature {

    /** How long switchReadModels waits for a caught-up rebuild's switch before reporting it as it is. */
    private static final Duration SWITCH_WAIT = Duration.ofSeconds(30);
    /** How often rebuildProgress looks at the rebuild (a status reads the event store's head). */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

    private final ReadModelRebuilds rebuilds;

    public RebuildWiring(ReadModelRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public String sdlFile() {
        return "rebuild.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("readModelRebuild", environment -> rebuilds.status().map(RebuildWiring::fields)
                        .orElse(null)));
        wiring.type("Mutation", type -> type
                .dataFetcher("rebuildReadModels", environment -> {
                    String switchOver = environment.getArgument("switchOver");
                    return rebuilds.start(switchOver == null ? SwitchOver.WHEN_CAUGHT_UP : SwitchOver.valueOf(switchOver))
                            .<Results.Typed>map(RebuildWiring::fields)
                            .orElse(new Refused("RebuildActiveElsewhere", "REBUILD_ACTIVE_ELSEWHERE",
                                    "A read-model rebuild is active on another node: follow it there "
                                            + "(readModelRebuild), or start one when it has ended."));
                })
                .dataFetcher("switchReadModels", environment -> rebuilds.switchWhenCaughtUp(SWITCH_WAIT)
                        .<Results.Typed>map(RebuildWiring::fields)
                        .orElse(new Refused("NoRebuildActive", "NO_REBUILD_ACTIVE",
                                "No read-model rebuild is active: start one with rebuildReadModels."))));
        wiring.type("Subscription", type -> type.dataFetcher("rebuildProgress", environment -> progress()));
    }

    /** The status now and on every change, on a thread that may block (a status reads the database). */
    private Flux<StatusNode> progress() {
        return Flux.interval(Duration.ZERO, PROGRESS_INTERVAL, Schedulers.boundedElastic())
                .map(tick -> rebuilds.status())
                .takeWhile(Optional::isPresent)
                .map(Optional::get)
                .distinctUntilChanged(status -> List.of(status.processor(), status.state(), status.eventsProcessed(),
                        status.position(), status.headPosition()))
                .takeUntil(status -> !status.state().active())
                .map(RebuildWiring::fields);
    }

    /** A rebuild's status as the RebuildStatus fields read it; a member of the mutations' result unions too. */
    static final class StatusNode extends HashMap<String, Object> implements Results.Typed {
        @Override
        public String graphQlType() {
            return "RebuildStatus";
        }
    }

    /** Why a rebuild mutation did nothing: a Problem of its result union. */
    record Refused(String graphQlType, String code, String message) implements Results.Typed {
    }

    private static StatusNode fields(RebuildStatus status) {
        StatusNode fields = new StatusNode();
        fields.put("processor", status.processor());
        fields.put("state", status.state().name());
        fields.put("switchOver", status.switchOver().name());
        fields.put("tables", status.tables());
        fields.put("eventsProcessed", status.eventsProcessed());
        fields.put("position", status.position());
        fields.put("headPosition", status.headPosition());
        fields.put("percent", status.percent());
        fields.put("startedAt", status.startedAt());
        fields.put("caughtUpAt", status.caughtUpAt());
        fields.put("switchedAt", status.switchedAt());
        fields.put("pauseMillis", status.pauseMillis());
        fields.put("error", status.error());
        return fields;
    }
}
