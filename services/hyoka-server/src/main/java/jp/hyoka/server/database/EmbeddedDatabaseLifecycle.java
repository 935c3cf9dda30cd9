package jp.hyoka.server.database;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Tells this context's {@link ServerLife} (and so the exit hook of the embedded database this context started,
 * {@link EmbeddedDatabase}) where the server's life is: once the HTTP server runs, Micronaut's shutdown hook stops the
 * context, and the context the database, last. No dependency on the database: hearing an event must not start one.
 */
@Singleton
class EmbeddedDatabaseLifecycle {

    private final ServerLife life;

    EmbeddedDatabaseLifecycle(ServerLife life) {
        this.life = life;
    }

    @EventListener
    void serverStarted(ServerStartupEvent event) {
        life.serverRunning();
    }

    @EventListener
    void serverStopping(ServerShutdownEvent event) {
        life.stopping();
    }

    @EventListener
    void contextStopping(ShutdownEvent event) {
        life.stopping();
    }
}
