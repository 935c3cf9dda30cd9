package jp.hyoka.server.database;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Tells the embedded database where the server's life is, for its exit hook ({@link EmbeddedDatabase}): once the
 * HTTP server runs, Micronaut's shutdown hook stops the context, and the context the database, last. No dependency:
 * hearing an event must not start a database.
 */
@Singleton
class EmbeddedDatabaseLifecycle {

    @EventListener
    void serverStarted(ServerStartupEvent event) {
        EmbeddedDatabase.serverRunning();
    }

    @EventListener
    void serverStopping(ServerShutdownEvent event) {
        EmbeddedDatabase.contextStopping();
    }

    @EventListener
    void contextStopping(ShutdownEvent event) {
        EmbeddedDatabase.contextStopping();
    }
}
