package jp.hyoka.server.graphql;

import graphql.GraphQL;
import jp.hyoka.server.availability.StartBarrier;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The executable schema and the features it is wired to, built on a thread of their own while the main thread goes
 * on with the beans that do not need them (Axon's configuration and start, the HTTP server's set-up): the features'
 * beans were about a quarter of the main thread's work at start, graphql-java's {@code makeExecutableSchema} a fifth
 * (infra/docs/startup.md). A start barrier in two steps: Axon's start waits for the first, the schema's parts (the
 * features' beans, the limits read from the configuration: what can fail because of an installation), so a feature
 * that cannot be built stops the start with its error before any processor, token claim or start-up listener has run
 * ({@link #awaitSettled()}); the graphql-java schema made of them goes on beside Axon's start. The HTTP server takes
 * the port over only once the schema is built ({@link jp.hyoka.server.availability.StartingProbesHandover}), so the
 * first request finds it ready, and a schema that does not match its wiring (a defect of the build, which every test
 * context meets) stops the start there.
 */
final class SchemaBuild implements StartBarrier {

    /**
     * How long the start waits for the build at the handover. Beans are built on two threads since the features moved
     * here: a lookup inside a bean's creation (a {@code BeanProvider.get()}, a creation listener) could one day make the
     * two wait on each other's bean locks. A start must then fail with both stacks, not hang while the start-up probes
     * answer "alive"; a healthy build takes seconds even on a loaded machine.
     */
    static final Duration HANDOVER_LIMIT = Duration.ofMinutes(3);

    private final CompletableFuture<Object> partsBuilt = new CompletableFuture<>();
    private final CompletableFuture<GraphQL> built = new CompletableFuture<>();
    private volatile Thread thread;

    /** Starts {@code building} on a daemon thread; its parts are the whole of it. */
    static SchemaBuild start(Supplier<GraphQL> building) {
        return start(building, Function.identity());
    }

    /** Starts making the {@code parts} and then {@code building} the schema of them, on a daemon thread. */
    static <P> SchemaBuild start(Supplier<P> parts, Function<P, GraphQL> building) {
        SchemaBuild build = new SchemaBuild();
        Thread thread = new Thread(() -> {
            try {
                P made = parts.get();
                build.partsBuilt.complete(made);
                build.built.complete(building.apply(made));
            } catch (Throwable e) {
                // an Error too: the waiting start must hear of it, not wait forever
                build.partsBuilt.completeExceptionally(e);              // nothing if the parts were built
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

    /** Returns once the schema's parts (the features' beans) are built; throws what their building threw. */
    @Override
    public void awaitSettled() {
        await(partsBuilt, HANDOVER_LIMIT);
    }

    /** {@link #awaitFinished()} with its limit: past it, the start fails with the build thread's and this one's stacks. */
    void awaitFinished(Duration limit) {
        await(built, limit);
    }

    private void await(CompletableFuture<?> work, Duration limit) {
        try {
            work.get(limit.toMillis(), TimeUnit.MILLISECONDS);
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
            // fall through: join throws what the build threw, as the start expects
        }
        StartBarrier.join(work);
    }

    /** Returns once the build has ended, built or failed, or after {@code atMost}; never throws (a stopping context). */
    void awaitEnded(Duration atMost) {
        try {
            built.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // failed: said by the start; still running after atMost: the stop goes on
        }
    }
}
