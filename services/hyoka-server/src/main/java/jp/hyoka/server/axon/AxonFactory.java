package jp.hyoka.server.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import jp.hyoka.server.axon.ReadModelCatchUp;
import jp.hyoka.server.observability.TraceCorrelation;
import jp.hyoka.server.observability.TracedAppends;
import jp.hyoka.server.observability.TracedCommands;
import jp.hyoka.server.observability.TracedProjectionBatches;
import jp.hyoka.server.observability.Tracing;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.serialization.Serializer;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Axon, configured explicitly (there is no Axon–Micronaut integration, and no classpath scanning is wanted):
 * JDBC event store and token store on the server's PostgreSQL, Jackson for every message, the aggregates, and one
 * tracking processor that feeds the read models; aggregate snapshots ({@link AggregateSnapshots}). Features plug in without being named here: their aggregates
 * through {@link AxonModule} beans, each projection is a
 * {@link ReadModelProjection} bean, and whatever must be written with every append (the audit feature's hash
 * chain) an {@link EventAppendListener} bean, brought up to date before Axon starts. Commands are measured
 * ({@link CommandMetrics}) when metrics are on.
 */
@Factory
public class AxonFactory {

    @Singleton
    AxonConnections axonConnections(DataSource dataSource) {
        return new AxonConnections(dataSource);
    }

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(AxonConnections connections, List<AxonModule> modules,
                                    List<ReadModelProjection> projections, List<EventAppendListener> appendListeners,
                                    ReadModelCatchUp catchUp, HikariDataSource dataSource, AggregateSnapshots snapshots,
                                    AggregateCache aggregates,
                                    @Value("${hyoka.read-models.batch-size:200}") int readModelBatchSize,
                                    @Value("${hyoka.node-id:}") String nodeId,
                                    @Value("${hyoka.read-models.claim-timeout:10s}") Duration claimTimeout,
                                    Tracing tracing,
                                    @Nullable MeterRegistry meterRegistry) {
        System.setProperty("disable-axoniq-console-message", "true");
        ClusterNotifications notifications = new ClusterNotifications(dataSource, catchUp, aggregates);
        Serializer serializer = EventJson.storedMessages();
        SnapshotFilter snapshotFilter = modules.stream().map(AxonModule::snapshotFilter)
                .reduce(SnapshotFilter.allowAll(), SnapshotFilter::combine);
        NotifyingEventStorageEngine eventStorage = new NotifyingEventStorageEngine(JdbcEventStorageEngine.builder()
                .transactionManager(NoTransactionManager.INSTANCE)
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .eventSerializer(serializer)
                .snapshotSerializer(AggregateSnapshots.serializer(modules))
                // One batch holds what a command needs (the events after the newest snapshot): with Axon's default of
                // 100, an edit read its assessment's ~125 events since the snapshot in three queries (issue 22).
                .batchSize(readBatchSize(snapshots)),
                connections, snapshotFilter, appendListeners, new TracedAppends(tracing));
        // Which node holds a processor's token. Axon's default (pid@host) tells processes apart; nodes sharing one JVM
        // (tests) must be told apart by hyoka.node-id, or each would take the other's claim for its own.
        // How long a node's claim outlives the node: after a crash, the read models wait this long for another node
        // (or the restarted one, a new pid) to take the processor over. Axon's default, 10 s.
        JdbcTokenStore tokenStore = new OwnClaimTokenStore(JdbcTokenStore.builder().connectionProvider(connections)
                        .claimTimeout(ClaimTimeout.checked(claimTimeout)),
                serializer, nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId,
                catchUp::forgetProjected);

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(), new CommandNameCorrelation(),
                        new TraceCorrelation(tracing)))
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureEventStore(c -> clusterEventStore(c, eventStorage, notifications))
                .configureSnapshotter(snapshots::snapshotter);
        if (meterRegistry != null) {
            configurer.configureMessageMonitor(CommandBus.class, c -> new CommandMetrics(meterRegistry));
        }
        modules.forEach(module -> module.configure(configurer));
        EventProcessingConfigurer processing = configurer.eventProcessing()
                .registerTokenStore(c -> tokenStore)
                .registerTrackingEventProcessor(ReadModelProjection.PROCESSING_GROUP, Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(readModelBatchSize))
                // The batch's token stored at its start in the batch's transaction (AxonConnections).
                .registerTransactionManager(ReadModelProjection.PROCESSING_GROUP,
                        c -> AxonConnections.PROCESSOR_TRANSACTIONS);
        projections.stream().sorted(Comparator.comparingInt(ReadModelProjection::order))
                .forEach(projection -> processing.registerEventHandler(c -> projection));
        processing
                // A handler that fails fails its batch, which is rolled back and retried (with Axon's back-off), instead
                // of being logged and passed over: a skipped event would leave a read model wrong for good and nobody
                // would know (an adapted shared-component use that could not be read was lost that way). A poison
                // event thus stops the read models where it is, visibly, until it is fixed or the read models rebuilt.
                .registerListenerInvocationErrorHandler(ReadModelProjection.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                // Readers see whole commands only (a batch that ends inside one leaves it for the next). A command's
                // earlier events are remembered as they pass and projected from memory with its last one; the store
                // is read again only when the processor started inside the command (an import's ~100 KB content
                // event was otherwise read, detoasted and sent a second time: row 4, import-benchmark.md, rm).
                .registerHandlerInterceptor(ReadModelProjection.PROCESSING_GROUP, c -> new WholeCommands(
                        () -> readModelProcessor(c).eventHandlerInvoker(), eventStorage, true))
                // Wakes read-your-writes waits on this node as soon as a batch of the read models is committed,
                // and on the other nodes through a notification.
                .registerHandlerInterceptor(ReadModelProjection.PROCESSING_GROUP, c -> catchUp.commitListener(
                        () -> notifications.announce(ClusterNotifications.Channel.READ_MODELS_COMMITTED)))
                .registerHandlerInterceptor(ReadModelProjection.PROCESSING_GROUP,
                        c -> new TracedProjectionBatches(tracing, ReadModelProjection.PROCESSING_GROUP));
        Configuration configuration = configurer.buildConfiguration();
        // Commands are handled on the sender's thread (the GraphQL worker), inside the request's span.
        configuration.commandBus().registerHandlerInterceptor(new TracedCommands(tracing));
        return configuration;
    }

    /**
     * Axon started: the append listeners' work before it (the hash chain's backfill) and the processors. The last of
     * the eager beans, so that the configuration's components (the command gateway the GraphQL wiring takes) are there
     * while the schema migration still runs, and only this waits for the migrated database (infra/docs/startup.md).
     * Before the HTTP server: Micronaut starts that after every eager bean.
     */
    @Context
    @Order(Ordered.LOWEST_PRECEDENCE)
    AxonStarted axonStarted(Configuration configuration, List<EventAppendListener> appendListeners) {
        appendListeners.forEach(EventAppendListener::beforeStart);
        configuration.start();
        return new AxonStarted(configuration);
    }

    /** The Axon configuration, started. */
    public record AxonStarted(Configuration configuration) {
    }

    /** Events per query: more than a snapshotted aggregate has after its snapshot (Axon's default, 100, at least). */
    static int readBatchSize(AggregateSnapshots snapshots) {
        return Math.max(100, snapshots.every() + 1);
    }

    /** What configureEmbeddedEventStore builds, as a store other nodes can wake. */
    private static ClusterEventStore clusterEventStore(Configuration configuration, NotifyingEventStorageEngine storage,
                                                       ClusterNotifications notifications) {
        ClusterEventStore store = new ClusterEventStore(EmbeddedEventStore.builder()
                .storageEngine(storage)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore")),
                storage, () -> notifications.announce(ClusterNotifications.Channel.EVENTS_APPENDED));
        configuration.onShutdown(store::shutDown);
        notifications.listen(store);
        configuration.onShutdown(notifications::close);
        return store;
    }

    private static AbstractEventProcessor readModelProcessor(Configuration configuration) {
        return configuration.eventProcessingConfiguration()
                .eventProcessor(ReadModelProjection.PROCESSING_GROUP, AbstractEventProcessor.class).orElseThrow();
    }

    @Singleton
    CommandGateway commandGateway(Configuration configuration) {
        return configuration.commandGateway();
    }
}
