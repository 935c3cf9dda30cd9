package jp.hyoka.server.availability;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import jp.hyoka.server.database.MigratingDataSource;

/**
 * Micronaut's HTTP server exists and is about to bind the port: once the schema migration (which runs beside the
 * start) has finished, the start-up probes give it up. A failed migration stops the start here at the latest.
 */
@Singleton
public class StartingProbesHandover implements BeanCreatedEventListener<EmbeddedServer> {

    private final StartingProbes probes;
    private final MigratingDataSource database;

    public StartingProbesHandover(StartingProbes probes, MigratingDataSource database) {
        this.probes = probes;
        this.database = database;
    }

    @Override
    public EmbeddedServer onCreated(BeanCreatedEvent<EmbeddedServer> event) {
        database.awaitSchema();
        probes.close();
        return event.getBean();
    }
}
