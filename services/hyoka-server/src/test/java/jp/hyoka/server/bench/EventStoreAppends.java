package jp.hyoka.server.bench;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.EventJson;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * BENCHMARKS.md row 3, the event store's appends alone: Axon's {@link JdbcEventStorageEngine} built as the server
 * builds it (the server's connections, serializer and event format), each writer appending 10 real domain events
 * (an assessment started and nine answers, ~1 KB each) of a new aggregate per unit of work, one transaction each.
 * They go to a copy of {@code domainevententry} (same columns, indexes and constraints, its own sequence) so that the
 * server's read-model processor neither projects them nor competes with the appends: "alone".
 */
final class EventStoreAppends {

    static final String TABLE = "bench_domainevententry";
    static final int EVENTS_PER_TRANSACTION = 10;
    private static final MunicipalityCode TENANT = new MunicipalityCode("141305");
    private static final Actor ACTOR = new Actor("bench-appender", "計測 追記");
    private static final String TEXT = "計".repeat(300);

    private final JdbcEventStorageEngine engine;
    private final DataSource dataSource;

    EventStoreAppends(DataSource dataSource, AxonConnections connections) throws SQLException {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection(); Statement create = connection.createStatement()) {
            create.execute("CREATE SEQUENCE IF NOT EXISTS " + TABLE + "_seq");
            create.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (LIKE domainevententry INCLUDING ALL)");
            create.execute("ALTER TABLE " + TABLE + " ALTER COLUMN globalindex SET DEFAULT nextval('" + TABLE
                    + "_seq')");
        }
        Serializer serializer = EventJson.storedMessages();
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(EventSchema.builder().eventTable(TABLE).build())
                .build();
    }

    /**
     * Among data (the at-scale pass): the copy is filled with every event of {@code domainevententry} (its indexes
     * with them, its sequence going on after them), so that the appends meet a table of the data set's size.
     */
    void holdTheStoresEvents() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement fill = connection.createStatement()) {
            fill.execute("INSERT INTO " + TABLE + " SELECT * FROM domainevententry");
            fill.execute("SELECT setval('" + TABLE + "_seq', (SELECT coalesce(max(globalindex), 0) + 1 FROM " + TABLE
                    + "))");
            fill.execute("ANALYZE " + TABLE);
        }
    }

    /** Events/s of {@code writers} writers, each committing one 10-event aggregate after the other. */
    double eventsPerSecond(int writers, Duration time) throws Exception {
        return EVENTS_PER_TRANSACTION * Interleaved.perSecond(writers, time, writer -> this::appendOne);
    }

    private void appendOne() {
        List<DomainEventMessage<?>> events = events();
        DefaultUnitOfWork.startAndGet(null).execute(() -> engine.appendEvents(events));
    }

    private static List<DomainEventMessage<?>> events() {
        AssessmentId id = new AssessmentId(UUID.randomUUID());
        String aggregate = id.value().toString();
        Instant at = Instant.now();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>("AssessmentAggregate", aggregate, 0, new AssessmentStarted(id,
                TENANT, new FormRef(FormKind.KEY_ITEMS, "2024-10"), "計測の事務", ACTOR, at)));
        for (int sequence = 1; sequence < EVENTS_PER_TRANSACTION; sequence++) {
            events.add(new GenericDomainEventMessage<>("AssessmentAggregate", aggregate, sequence, new ItemAnswered(
                    id, TENANT, new ItemId("department.name"), List.of(), null, new TextAnswer(TEXT + sequence),
                    null, ACTOR, at)));
        }
        return events;
    }
}
