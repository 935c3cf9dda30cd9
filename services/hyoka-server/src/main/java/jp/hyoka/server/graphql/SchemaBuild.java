package jp.hyoka.server.graphql;

import graphql.GraphQL;
import jp.hyoka.server.availability.StartBarrier;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The executable schema, built on a thread of its own while the start goes on with the beans that do not need it
 * (Axon's configuration and start, the HTTP server's set-up): about a fifth of the main thread's work at start was
 * graphql-java's {@code makeExecutableSchema} (infra/docs/startup.md). A start barrier: the HTTP server takes the
 * port over only once the schema is built ({@link jp.hyoka.server.availability.StartingProbesHandover}), so the
 * first request finds it ready, and a schema that does not match its wiring stops the start there, with its error.
 */
final class SchemaBuild implements StartBarrier {

    private final CompletableFuture<GraphQL> built = new CompletableFuture<>();

    /** Starts {@code building} on a daemon thread. */
    static SchemaBuild start(Supplier<GraphQL> building) {
        SchemaBuild build = new SchemaBuild();
        Thread thread = new Thread(() -> {
            try {
                build.built.complete(building.get());
            } catch (Throwable e) {
                // an Error too: the waiting start must hear of it, not wait forever
                build.built.completeExceptionally(e);
            }
        }, "hyoka-schema-build");
        thread.setDaemon(true);
        thread.start();
        return build;
    }

    /** The built schema, once it is; throws what the build threw. */
    GraphQL graphQL() {
        return StartBarrier.join(built);
    }

    @Override
    public void awaitFinished() {
        graphQL();
    }
}
