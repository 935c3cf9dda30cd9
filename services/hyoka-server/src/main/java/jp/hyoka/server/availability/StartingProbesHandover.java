package jp.hyoka.server.availability;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

/** Micronaut's HTTP server exists and is about to bind the port: the start-up probes give it up. */
@Singleton
public class StartingProbesHandover implements BeanCreatedEventListener<EmbeddedServer> {

    private final StartingProbes probes;

    public StartingProbesHandover(StartingProbes probes) {
        this.probes = probes;
    }

    @Override
    public EmbeddedServer onCreated(BeanCreatedEvent<EmbeddedServer> event) {
        probes.close();
        return event.getBean();
    }
}
