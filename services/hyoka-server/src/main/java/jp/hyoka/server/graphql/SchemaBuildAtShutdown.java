package jp.hyoka.server.graphql;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * A context that stops while the schema's build still runs (a test's context closed right after its start, a SIGTERM
 * during the start) first lets the build end: the build creates the features' beans on its own thread, and the
 * context destroys the beans it has when it stops, so a bean built after that would never be destroyed (its threads
 * and connections left running). Bounded: a build that hangs does not hold the stop for good. Micronaut publishes
 * the shutdown event only for a context that got as far as running: when the main thread's part of the start fails
 * before Axon's start waits for the build (a migration), nothing waits here; the server's process exits anyway, a
 * test's JVM may keep the build's thread until it ends.
 */
@Singleton
class SchemaBuildAtShutdown implements ApplicationEventListener<ShutdownEvent> {

    static final Duration AT_MOST = Duration.ofSeconds(30);

    private final SchemaBuild build;

    SchemaBuildAtShutdown(SchemaBuild build) {
        this.build = build;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        build.awaitEnded(AT_MOST);
    }
}
