package jp.hyoka.server.availability;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Micronaut's HTTP server exists and is about to bind the port: once the work that runs beside the start has finished
 * ({@link StartBarrier}s: the schema migration), the start-up probes give it up. A failed migration stops the start
 * here at the latest.
 */
@Singleton
public class StartingProbesHandover implements BeanCreatedEventListener<EmbeddedServer> {

    private final StartingProbes probes;
    private final List<StartBarrier> barriers;

    public StartingProbesHandover(StartingProbes probes, List<StartBarrier> barriers) {
        this.probes = probes;
        this.barriers = barriers;
    }

    @Override
    public EmbeddedServer onCreated(BeanCreatedEvent<EmbeddedServer> event) {
        barriers.forEach(StartBarrier::awaitFinished);
        probes.close();
        return event.getBean();
    }
}
