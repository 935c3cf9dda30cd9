package jp.hyoka.server.graphql;

import graphql.GraphQL;
import jp.hyoka.server.availability.StartBarrier;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The executable schema, built on a thread of its own while the start goes on with the beans that do not need it
 * (Axon's configuration and start, the HTTP server's set-up): about a fifth of the main thread's work at start was
 * graphql-java's {@code makeExecutableSchema} (infra/docs/startup.md). A start barrier: the HTTP server takes the
 * port over only once the schema is built ({@link jp.hyoka.server.availability.StartingProbesHandover}), so the
 * first request finds it ready, and a schema that does not match its wiring stops the start there, with its error.
 */
final class SchemaBuild implements StartBarrier {

    /**
     * How long the start waits for the build at the handover. The build runs graphql-java beside the main thread's
     * beans: should it ever block (a bean lookup from the wiring, a lock the main thread holds), a start must fail
     * with the build thread's stack, not hang while the start-up probes answer "alive"; a healthy build takes seconds
     * even on a loaded machine.
     */
    static final Duration HANDOVER_LIMIT = Duration.ofMinutes(3);

    private final CompletableFuture<GraphQL> built = new CompletableFuture<>();
    private volatile Thread thread;

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
        build.thread = thread;
        thread.start();
        return build;
    }

    /** The built schema, once it is; throws what the build threw. */
    GraphQL graphQL() {
        return StartBarrier.join(built);
    }

    @Override
    public void awaitFinished() {
        awaitFinished(HANDOVER_LIMIT);
    }

    /** {@link #awaitFinished()} with its limit: past it, the start fails with the build thread's and this one's stacks. */
    void awaitFinished(Duration limit) {
        try {
            built.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stuck) {
            IllegalStateException failure = new IllegalStateException("The schema's build (features' beans, schema) "
                    + "has not finished after " + limit + ": a lock cycle between the start's two threads? The "
                    + "build thread's stack is the cause; the waiting thread's is this exception's");
            Thread building = thread;
            if (building != null) {
                Throwable where = new Throwable("hyoka-schema-build (" + building.getState() + ")");
                where.setStackTrace(building.getStackTrace());
                failure.initCause(where);
            }
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the schema's build", e);
        } catch (ExecutionException failed) {
            // fall through: graphQL() throws what the build threw, as the start expects
        }
        graphQL();
    }
}
