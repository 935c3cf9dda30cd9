package jp.hyoka.server.axon;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentDecider;
import jp.hyoka.server.assessment.AssessmentDocumentProjection;
import jp.hyoka.server.assessment.EditHistoryProjection;
import jp.hyoka.server.assessment.ImportedDocumentProjection;
import jp.hyoka.server.assessment.PastChangeProjection;
import jp.hyoka.server.assessment.ReadModelCatchUp;
import jp.hyoka.server.assessment.ReadModels;
import jp.hyoka.server.assessment.RepeatEntryProjection;
import jp.hyoka.server.audit.ChainingEventStorageEngine;
import jp.hyoka.server.audit.EventChainBackfill;
import jp.hyoka.server.security.Tenants;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import javax.sql.DataSource;
import java.util.List;

/**
 * Axon, configured explicitly (there is no Axon–Micronaut integration, and no classpath scanning is wanted):
 * JDBC event store and token store on the server's PostgreSQL, Jackson for every message, the assessment
 * aggregate, and one tracking processor that feeds the read models. The event store links every event into its
 * tenant's hash chain; events stored before the chain existed are linked before anything new is appended.
 */
@Factory
public class AxonFactory {

    @Singleton
    AxonConnections axonConnections(DataSource dataSource) {
        return new AxonConnections(dataSource);
    }

    @Context
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(AxonConnections connections, AssessmentDecider decider,
                                    AssessmentDocumentProjection documents, EditHistoryProjection history,
                                    RepeatEntryProjection entries, PastChangeProjection pastChanges,
                                    ImportedDocumentProjection importedDocuments, Tenants tenants,
                                    ReadModelCatchUp catchUp, EventChainBackfill backfill, HikariDataSource dataSource,
                                    @Value("${hyoka.read-models.batch-size:200}") int readModelBatchSize,
                                    @Value("${hyoka.node-id:}") String nodeId) {
        System.setProperty("disable-axoniq-console-message", "true");
        ClusterNotifications notifications = new ClusterNotifications(dataSource, catchUp);
        Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
        JdbcEventStorageEngine eventStorage = new ChainingEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer));
        JdbcTokenStore.Builder tokens = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer);
        if (!nodeId.isBlank()) {
            // Which node holds a processor's token. Axon's default (pid@host) tells processes apart; nodes sharing
            // one JVM (tests) must be told apart by this, or each would take the other's claim for its own.
            tokens.nodeId(nodeId);
        }
        JdbcTokenStore tokenStore = tokens.build();

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(), new CommandNameCorrelation()))
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureEventStore(c -> clusterEventStore(c, eventStorage, notifications))
                .registerComponent(AssessmentDecider.class, c -> decider)
                .registerComponent(Tenants.class, c -> tenants)
                .configureAggregate(MunicipalityAggregate.class)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(AssessmentAggregate.class)
                        .configureCommandTargetResolver(c -> new AssessmentCommandTargetResolver()));
        configurer.eventProcessing()
                .registerTokenStore(c -> tokenStore)
                .registerTrackingEventProcessor(ReadModels.PROCESSING_GROUP, Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(readModelBatchSize))
                .registerEventHandler(c -> documents)
                .registerEventHandler(c -> history)
                .registerEventHandler(c -> entries)
                .registerEventHandler(c -> pastChanges)
                .registerEventHandler(c -> importedDocuments)
                // Readers see whole commands only (a batch that ends inside one leaves it for the next).
                .registerHandlerInterceptor(ReadModels.PROCESSING_GROUP, c -> new WholeCommands(
                        () -> readModelProcessor(c).eventHandlerInvoker(), eventStorage))
                // Wakes read-your-writes waits on this node as soon as a batch of the read models is committed,
                // and on the other nodes through a notification.
                .registerHandlerInterceptor(ReadModels.PROCESSING_GROUP, c -> catchUp.commitListener(
                        () -> notifications.announce(ClusterNotifications.Channel.READ_MODELS_COMMITTED)));
        Configuration configuration = configurer.buildConfiguration();
        backfill.chainUnchainedEvents();
        configuration.start();
        return configuration;
    }

    /** What configureEmbeddedEventStore builds, as a store other nodes can wake. */
    private static ClusterEventStore clusterEventStore(Configuration configuration, EventStorageEngine storage,
                                                       ClusterNotifications notifications) {
        ClusterEventStore store = new ClusterEventStore(EmbeddedEventStore.builder()
                .storageEngine(storage)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore")),
                () -> notifications.announce(ClusterNotifications.Channel.EVENTS_APPENDED));
        configuration.onShutdown(store::shutDown);
        notifications.listen(store);
        configuration.onShutdown(notifications::close);
        return store;
    }

    private static AbstractEventProcessor readModelProcessor(Configuration configuration) {
        return configuration.eventProcessingConfiguration()
                .eventProcessor(ReadModels.PROCESSING_GROUP, AbstractEventProcessor.class).orElseThrow();
    }

    @Singleton
    CommandGateway commandGateway(Configuration configuration) {
        return configuration.commandGateway();
    }
}
