package jp.hyoka.server.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Snapshots of event-sourced aggregates, so that a command loads the last snapshot and the events after it instead
 * of the whole stream (BENCHMARKS.md row 5, issue 22). A snapshot is taken every {@code hyoka.axon.snapshot-every}
 * events of an aggregate (0: never) and at once after an event its module calls urgent (a redaction: the snapshot
 * before it held the redacted text). Snapshots are written off the command's path, after its commit, by one
 * background thread per node with a bounded queue; a snapshot that fails or does not fit the queue is logged and
 * counted ({@code hyoka.snapshots} by outcome: stored, superseded by another node's, failed, dropped) and never fails a command: the next load replays a little more.
 * Snapshots live in {@code snapshotevententry}, so every node sharing the database loads from them. A stored snapshot
 * is used only while its shape (the payload revision) is the one the code writes: see {@link #currentShape}.
 */
@Singleton
public class AggregateSnapshots {

    static final String METRIC = "hyoka.snapshots";
    private static final Logger LOG = LoggerFactory.getLogger(AggregateSnapshots.class);

    private final int every;
    private final MeterRegistry registry;

    public AggregateSnapshots(@Value("${hyoka.axon.snapshot-every:250}") int every, @Nullable MeterRegistry registry) {
        if (every < 0) {
            throw new IllegalArgumentException("hyoka.axon.snapshot-every must be 0 (off) or more: " + every);
        }
        this.every = every;
        this.registry = registry;
    }

    /** Events between two snapshots of one aggregate; 0 when snapshots are off. */
    public int every() {
        return every;
    }

    /**
     * When to snapshot an aggregate: after {@link #every()} events since its last snapshot (counting those loaded),
     * or at once after an event {@code urgent} accepts.
     */
    public SnapshotTriggerDefinition trigger(Configuration configuration, Predicate<Object> urgent) {
        if (every == 0) {
            return NoSnapshotTriggerDefinition.INSTANCE;
        }
        return new SnapshotTriggerDefinition() {
            /**
             * The configuration's snapshotter, asked once: it is one component of the configuration (built once), and
             * looking it up cost ~4 % of a load's CPU (BENCHMARKS.md row 5's profile), every command and load.
             */
            private volatile Snapshotter snapshotter;

            @Override
            public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
                return new CountingTrigger(snapshotter(), aggregateType, every, urgent);
            }

            @Override
            public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
                if (trigger instanceof CountingTrigger counting) {
                    counting.setSnapshotter(snapshotter());
                }
                return trigger;
            }

            private Snapshotter snapshotter() {
                Snapshotter known = snapshotter;
                if (known == null) {
                    known = configuration.snapshotter();
                    snapshotter = known;            // null while the configuration has none yet: asked again
                }
                return known;
            }
        };
    }

    /**
     * Lets a stored snapshot of {@code aggregateType} be used only if its payload revision is {@code shape}; snapshots
     * of other aggregates pass. A snapshot of an older shape is passed over (the aggregate is replayed from its events,
     * and snapshotted again in the current shape).
     */
    public static SnapshotFilter currentShape(Class<?> aggregateType, String shape) {
        String type = aggregateType.getSimpleName();
        return snapshot -> !type.equals(snapshot.getType())
                || shape.equals(snapshot.getPayload().getType().getRevision());
    }

    /** How snapshots are written: the events' JSON mapping plus what each module adds for its aggregates' state. */
    public static Serializer serializer(List<AxonModule> modules) {
        ObjectMapper json = EventJson.objectMapper();
        modules.forEach(module -> json.registerModules(module.snapshotJson()));
        return JacksonSerializer.builder().objectMapper(json).build();
    }

    /** Axon's aggregate snapshotter, on one background thread, counting what it stores and what fails. */
    Snapshotter snapshotter(Configuration configuration) {
        ExecutorService executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(1_000), runnable -> {
            Thread thread = new Thread(runnable, "hyoka-snapshots");
            thread.setDaemon(true);
            return thread;
        }, (runnable, pool) -> count("dropped"));
        configuration.onShutdown(() -> {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<AggregateFactory<?>> factories = configuration.findModules(AggregateConfiguration.class).stream()
                .<AggregateFactory<?>>map(AggregateConfiguration::aggregateFactory).toList();
        return new MeasuredSnapshotter(AggregateSnapshotter.builder()
                .eventStore(configuration.eventStore())
                .executor(executor)
                .aggregateFactories(factories)
                .repositoryProvider(configuration::repository)
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(AggregateSnapshots.class)), this);
    }

    void count(String outcome) {
        if (registry != null) {
            Counter.builder(METRIC).description("Aggregate snapshots, by outcome (stored, superseded, failed, dropped)")
                    .tag("outcome", outcome).register(registry).increment();
        }
    }

    /** Axon's snapshotter, each task counted; a failure is logged (by Axon) and counted, and goes no further. */
    private static final class MeasuredSnapshotter extends AggregateSnapshotter {

        private final AggregateSnapshots snapshots;

        MeasuredSnapshotter(AggregateSnapshotter.Builder builder, AggregateSnapshots snapshots) {
            super(builder);
            this.snapshots = snapshots;
        }

        @Override
        protected Runnable createSnapshotterTask(Class<?> aggregateType, String aggregateIdentifier) {
            Runnable task = super.createSnapshotterTask(aggregateType, aggregateIdentifier);
            return () -> {
                try {
                    task.run();
                    snapshots.count("stored");
                } catch (ConcurrencyException e) {
                    snapshots.count("superseded");      // another node stored this very snapshot first
                } catch (RuntimeException | LinkageError e) {
                    snapshots.count("failed");
                    LOG.warn("No snapshot of {} {}; its next load replays from the previous one",
                            aggregateType.getSimpleName(), aggregateIdentifier, e);
                }
            };
        }
    }

    /**
     * Axon's event-count trigger plus urgent events. Serializable like Axon's own triggers (they would travel with a
     * cached aggregate; Hyoka caches none): a deserialized one has no predicate and counts only.
     */
    private static final class CountingTrigger extends AbstractSnapshotTrigger {

        private final int threshold;
        private final transient Predicate<Object> urgent;
        private int counter;
        private boolean urgentSeen;

        CountingTrigger(Snapshotter snapshotter, Class<?> aggregateType, int threshold, Predicate<Object> urgent) {
            super(snapshotter, aggregateType);
            this.threshold = threshold;
            this.urgent = urgent;
        }

        @Override
        public void eventHandled(EventMessage<?> message) {
            counter++;
            if (urgent != null && urgent.test(message.getPayload())) {
                urgentSeen = true;
            }
            super.eventHandled(message);
        }

        @Override
        protected boolean exceedsThreshold() {
            return counter >= threshold || urgentSeen;
        }

        @Override
        protected void reset() {
            counter = 0;
            urgentSeen = false;
        }

        /** What it counted since the last snapshot (compared by DirectReplayIT: a load must count as Axon's does). */
        @Override
        public String toString() {
            return "CountingTrigger[counted=" + counter + ", urgentSeen=" + urgentSeen + ", threshold=" + threshold + "]";
        }
    }
}
