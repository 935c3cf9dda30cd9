package jp.hyoka.server.axon;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
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
                                    ReadModelCatchUp catchUp, EventChainBackfill backfill) {
        System.setProperty("disable-axoniq-console-message", "true");
        Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
        JdbcEventStorageEngine eventStorage = new ChainingEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer));
        JdbcTokenStore tokenStore = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .build();

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(), new CommandNameCorrelation()))
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> eventStorage)
                .registerComponent(AssessmentDecider.class, c -> decider)
                .registerComponent(Tenants.class, c -> tenants)
                .configureAggregate(MunicipalityAggregate.class)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(AssessmentAggregate.class)
                        .configureCommandTargetResolver(c -> new AssessmentCommandTargetResolver()));
        configurer.eventProcessing()
                .registerTokenStore(c -> tokenStore)
                .registerTrackingEventProcessor(ReadModels.PROCESSING_GROUP, Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(200))
                .registerEventHandler(c -> documents)
                .registerEventHandler(c -> history)
                .registerEventHandler(c -> entries)
                .registerEventHandler(c -> pastChanges)
                .registerEventHandler(c -> importedDocuments)
                // Wakes read-your-writes waits on this node as soon as a batch of the read models is committed.
                .registerHandlerInterceptor(ReadModels.PROCESSING_GROUP, c -> catchUp.commitListener());
        Configuration configuration = configurer.buildConfiguration();
        backfill.chainUnchainedEvents();
        configuration.start();
        return configuration;
    }

    @Singleton
    CommandGateway commandGateway(Configuration configuration) {
        return configuration.commandGateway();
    }
}
