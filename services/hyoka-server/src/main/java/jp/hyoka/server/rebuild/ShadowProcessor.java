package jp.hyoka.server.rebuild;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelProjection;
import jp.hyoka.server.axon.WholeCommands;
import jp.hyoka.server.database.DatabaseFactory;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rebuild's tracking processor: the read-model projections, new instances, on a small connection pool of its
 * own whose every connection has {@code search_path = rm_rebuild}. The projections' unqualified table names
 * therefore reach the shadow tables, and the token table its view there ({@link ShadowSchema}); nothing in
 * {@code public} is reachable unqualified, so a projection writing a table the copies lack fails the rebuild
 * instead of writing the live table. The token store uses the same pool, and it is the first to take a connection
 * in each batch's unit of work (Axon extends the claim first), so the whole batch — rows and token — is one
 * transaction on a shadow connection, as in the live processor. No connection of the live pool ever carries the
 * shadow search path.
 */
final class ShadowProcessor implements AutoCloseable {

    private final HikariDataSource pool;
    private final TrackingEventProcessor processor;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicReference<Instant> lastCommit = new AtomicReference<>();

    ShadowProcessor(String name, HikariDataSource live, Configuration axon,
            List<ReadModelProjection> liveProjections, int batchSize) {
        this.pool = shadowPool(live, name);
        try {
            AxonConnections connections = new AxonConnections(pool);
            List<Object> projections = RebuildProjections.create(liveProjections, connections);
            RebuildProjections.checkSameAs(axon, projections);
            SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder()
                    .eventHandlers(projections)
                    .parameterResolverFactory(axon.parameterResolverFactory())
                    .handlerDefinition(axon.handlerDefinition(projections.get(0).getClass()))
                    // A rebuild that cannot project an event must stop, not skip it: the copy would miss it.
                    .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                    .build();
            this.processor = TrackingEventProcessor.builder()
                    .name(name)
                    .eventHandlerInvoker(invoker)
                    .messageSource(axon.eventStore())
                    .tokenStore(JdbcTokenStore.builder().connectionProvider(connections).serializer(axon.serializer())
                            .build())
                    // As the live processor: the batch's token stored once, at its start, in the batch's transaction.
                    .transactionManager(AxonConnections.PROCESSOR_TRANSACTIONS)
                    .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                            .forSingleThreadedProcessing()
                            .andBatchSize(batchSize)
                            // Waits this long for new events when idle: so long, at most, does stopping it take.
                            .andEventAvailabilityTimeout(200, TimeUnit.MILLISECONDS)
                            .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                    .build();
            processor.registerHandlerInterceptor((unitOfWork, chain) -> {
                unitOfWork.afterCommit(committed -> {
                    processed.incrementAndGet();
                    lastCommit.set(Instant.now());
                });
                return chain.proceed();
            });
            // The same batches as the live processor (whole commands), so the token handed over at the switch
            // means the same to both.
            // A command's earlier events are remembered as they pass (a rebuild reads every command whole); read on
            // the live pool only when the rebuild began inside a command: the shadow connections see no event table.
            processor.registerHandlerInterceptor(new WholeCommands(() -> invoker, JdbcEventStorageEngine.builder()
                    .connectionProvider(live::getConnection)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .eventSerializer(axon.eventSerializer())
                    .snapshotSerializer(axon.serializer())
                    .build(), true));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource shadowPool(HikariDataSource live, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(live.getJdbcUrl());
        config.setUsername(live.getUsername());
        config.setPassword(live.getPassword());
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        // synchronous_commit off (BENCHMARKS.md: only for rebuildable read models): a crash loses nothing that
        // matters, the copy is started again; the switch itself commits synchronously on the live pool, which
        // flushes everything written before it.
        config.setConnectionInitSql("SET search_path TO " + ShadowSchema.NAME + "; SET synchronous_commit TO off");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty(DatabaseFactory.NO_VALUES_IN_ERRORS, "false");
        return new HikariDataSource(config);
    }

    void start() {
        processor.start();
    }

    /** Stops after the batch in hand has committed (or rolled back); its token then says how far the copy is. */
    void stop() {
        processor.shutDown();
    }

    long processed() {
        return processed.get();
    }

    /** When the last batch committed; null before the first. */
    Instant lastCommit() {
        return lastCommit.get();
    }

    Optional<EventTrackerStatus> status() {
        return Optional.ofNullable(processor.processingStatus().get(0));
    }

    /** The error that put the processor into retry mode, if it is in it. */
    Optional<Throwable> error() {
        return status().filter(EventTrackerStatus::isErrorState).map(s -> s.getError() == null
                ? new IllegalStateException("the rebuild processor is in error mode") : s.getError());
    }

    @Override
    public void close() {
        processor.shutDown();
        pool.close();
    }
}
