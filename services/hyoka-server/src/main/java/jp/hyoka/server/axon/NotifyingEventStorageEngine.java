package jp.hyoka.server.axon;

import jp.hyoka.server.observability.TracedAppends;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Axon's JDBC event store, plus the {@link EventAppendListener}s (the audit feature's hash chain), written on the
 * same connection in the same transaction: an append commits with what they wrote or not at all. (Other nodes hear
 * of an append after its commit, from {@link ClusterEventStore}.)
 *
 * <p>Axon appends in the prepare-commit phase of the unit of work, whose connection ({@code AxonConnections}) the
 * listeners share. An append outside any unit of work (Axon allows it, Hyoka does not do it) is given one, because
 * otherwise each statement would commit on its own.
 *
 * <p>Loading an aggregate ({@link #readFromNewestSnapshot}) is one statement: its newest snapshot and the events after
 * it (BENCHMARKS.md row 5). Axon's own load makes three: the snapshot, the events (a range of sequence numbers), and
 * one more that finds the range after them empty. Its aggregate reads here ask for a number of events
 * ({@code LIMIT}), not a range, so a batch smaller than asked is known to be the last without another query. A load
 * opens no transaction of its own ({@link AxonConnections#forRead}).
 */
public final class NotifyingEventStorageEngine extends JdbcEventStorageEngine {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingEventStorageEngine.class);
    /**
     * Events per query when a processor reads the stream in global order (Axon uses the aggregate batch, 251 here):
     * about 1 MB of ~1 KB events; a processor batch of 200 then needs a query every fifth batch, not every one.
     */
    static final int TRACKED_BATCH = 1_000;
    /**
     * Rows per insert statement of an append (more go in further statements of the same round trip): 9 parameters a
     * row stay far below the protocol's 65,535 per statement, and an import's few events are one statement.
     */
    static final int INSERT_ROWS = 1_000;

    private final AxonConnections connections;
    private final List<EventAppendListener> listeners;
    private final TracedAppends tracing;
    private final SnapshotFilter snapshotFilter;
    private final String newestSql;
    private final String eventsSql;
    private final SnapshotlessAggregates snapshotless = new SnapshotlessAggregates();
    /** The insert of one row, then of 2, 3, … {@link #INSERT_ROWS} rows: built once each, on first use. */
    private final String[] insertSqlByCount = new String[INSERT_ROWS + 1];
    private final LoadedEvents loadedEvents;

    public NotifyingEventStorageEngine(JdbcEventStorageEngine.Builder builder, AxonConnections connections,
                                       SnapshotFilter snapshotFilter, List<EventAppendListener> listeners,
                                       TracedAppends tracing) {
        super(builder.connectionProvider(connections).snapshotFilter(snapshotFilter)
                .readEventDataForAggregate(NotifyingEventStorageEngine::eventsOfAggregate));
        this.connections = connections;
        this.listeners = commitOrderFirst(listeners);
        this.tracing = tracing;
        this.snapshotFilter = snapshotFilter;
        this.newestSql = newestSql(schema());
        this.eventsSql = eventsSql(schema());
        this.loadedEvents = new LoadedEvents(getEventSerializer(), upcasterChain);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            DefaultUnitOfWork.startAndGet(null).execute(() -> appendEvents(events, serializer));
            return;
        }
        tracing.append(events, traced -> appendAndNotify(traced, serializer));
    }

    /**
     * Axon's append (a duplicate key a {@code ConcurrencyException}), with each event serialized once into its row
     * ({@link AppendedEvent}); the listeners are given those rows, so the hash chain covers the bytes just bound to the
     * insert without reading them back (issue 22 row 4).
     *
     * <p>The rows' insert and the listeners' statements ({@link BesideInsert.Sql}) go in one round trip, the insert
     * first (its rows in append order, {@link #INSERT_ROWS} rows per statement), then the statements in listener order
     * (the chain head's lock before the outbox rows, so their positions are drawn under it: in commit order); then each
     * listener's writes after it, in listener order (those answering {@link BesideInsert#GENERAL_WAY} called at {@link
     * EventAppendListener#appended}). For one event (most commands) that is one round trip less than the insert and
     * then the listeners (BENCHMARKS.md rows 1 and 2); for an import's several events, two less than the batched
     * insert, the head's lock and the outbox rows each in its own (row 4).
     */
    private void appendAndNotify(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<AppendedEvent> rows = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            rows.add(AppendedEvent.of(event, serializer));
        }
        List<BesideInsert> answers = answers(listeners, rows);
        List<BesideInsert.Sql> sent = new ArrayList<>(listeners.size());
        int inserts = (rows.size() + INSERT_ROWS - 1) / INSERT_ROWS;
        StringBuilder sql = new StringBuilder();
        for (int from = 0; from < rows.size(); from += INSERT_ROWS) {
            sql.append(from == 0 ? "" : ";\n").append(insertSql(Math.min(INSERT_ROWS, rows.size() - from)));
        }
        for (BesideInsert answer : answers) {
            if (answer instanceof BesideInsert.Sql statement) {
                sent.add(statement);
                sql.append(";\n").append(statement.sql());
            }
        }
        Connection connection = getConnection();
        try {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int next = 1;
                for (AppendedEvent row : rows) {
                    next = row.bindTo(statement, next);
                }
                for (BesideInsert.Sql part : sent) {
                    next = part.bind(statement, next);
                }
                statement.execute();                                // the first insert's update count
                for (int insert = 1; insert < inserts; insert++) {
                    statement.getMoreResults();
                }
                for (BesideInsert.Sql part : sent) {
                    for (int result = 0; result < part.statements(); result++) {
                        statement.getMoreResults();
                        part.executed(statement);
                    }
                }
            } catch (SQLException e) {
                if (!failedOnTheEventTable(e)) {
                    // a listener's statement (an outbox or queue key, the head): a fault, never an edit conflict
                    throw new EventStoreException("The event's outbox row or hash-chain head could not be written", e);
                }
                handlePersistenceException(e, rows.get(0).message());   // a duplicate key: ConcurrencyException
                throw new EventStoreException("The event could not be stored", e);  // what Axon throws otherwise
            }
            for (int i = 0; i < listeners.size(); i++) {
                BesideInsert answer = answers.get(i);
                if (answer instanceof BesideInsert.Sql statement) {
                    statement.finish(connection);
                } else if (answer == BesideInsert.GENERAL_WAY) {
                    listeners.get(i).appended(connection, rows);
                }                                                   // NOTHING: nothing to write
            }
        } catch (SQLException e) {
            throw new EventStoreException("The events could not be linked into their hash chain", e);
        } finally {
            JdbcUtils.closeQuietly(connection);     // the unit of work's connection: closed when it ends
        }
    }

    /**
     * Each listener's answer for {@code rows}, the listeners in the order they run ({@link #commitOrderFirst}). After a
     * listener that orders the commits and goes the general way (its lock taken after the round trip: events of
     * several tenants), every later listener goes the general way too: a statement of theirs in the round trip would
     * run before that lock (an outbox position drawn out of commit order).
     */
    static List<BesideInsert> answers(List<EventAppendListener> listeners, List<AppendedEvent> rows) {
        List<BesideInsert> answers = new ArrayList<>(listeners.size());
        boolean lockedLater = false;
        for (EventAppendListener listener : listeners) {
            BesideInsert answer = Objects.requireNonNull(listener.besideInsert(rows),
                    () -> listener.getClass().getName() + " answered no BesideInsert");
            if (lockedLater && answer instanceof BesideInsert.Sql) {
                answer = BesideInsert.GENERAL_WAY;
            }
            lockedLater |= listener.ordersCommits() && answer == BesideInsert.GENERAL_WAY;
            answers.add(answer);
        }
        return answers;
    }

    /**
     * The listeners in the order they run: those that take the lock ordering a tenant's commits ({@link
     * EventAppendListener#ordersCommits}: the hash chain's head) first, the others after them in their given order.
     */
    static List<EventAppendListener> commitOrderFirst(List<EventAppendListener> listeners) {
        return listeners.stream().sorted(Comparator.comparing(listener -> !listener.ordersCommits())).toList();
    }

    /**
     * Whether a failure of the append's round trip is the event insert's own (its unique keys: a second writer of the
     * same revision), as PostgreSQL names the table of a constraint it reports; a failure without a table (not a
     * constraint's) counts as the insert's too, so that Axon's resolver decides as it did before the listeners'
     * statements joined the round trip.
     */
    private boolean failedOnTheEventTable(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException postgres && postgres.getServerErrorMessage() != null) {
                String table = postgres.getServerErrorMessage().getTable();
                return table == null || table.equalsIgnoreCase(schema().domainEventTable());
            }
        }
        return true;
    }

    /**
     * An aggregate's stream as a load needs it, from one statement: its newest snapshot (if it has one that the
     * snapshot filter accepts and that can be read back) followed by its events after that snapshot. A snapshot of
     * another shape, or one that cannot be deserialized, is passed over and the aggregate replayed from its first
     * event (a second query, only then): a snapshot only saves time, it never decides a command's fate. More events
     * after the snapshot than one batch holds are read on, batch by batch, as the stream is consumed. An aggregate
     * this node found without a snapshot and with a short stream ({@link SnapshotlessAggregates}, which says why that
     * folds to the same state) is read without the lookup: its events from the first, one plain indexed select.
     */
    public DomainEventStream readFromNewestSnapshot(String aggregateIdentifier) {
        int batchSize = batchSize();
        if (snapshotless.known(aggregateIdentifier)) {
            List<LoadedEvents.Row> events = JdbcUtils.executeQuery(readConnection(),
                    connection -> aggregateQuery(connection, eventsSql, 1, aggregateIdentifier, batchSize),
                    this::events, e -> new EventStoreException("Failed to read aggregate " + aggregateIdentifier, e));
            if (events.size() >= SnapshotlessAggregates.SHORT_STREAM) {
                snapshotless.forget(aggregateIdentifier);       // grown: its next load looks for a snapshot again
            }
            return stream(aggregateIdentifier, DomainEventStream.empty(), events, batchSize);
        }
        long since = snapshotless.since();
        Newest newest = JdbcUtils.executeQuery(readConnection(),
                connection -> aggregateQuery(connection, newestSql, 2, aggregateIdentifier, batchSize),
                this::newest, e -> new EventStoreException("Failed to read aggregate " + aggregateIdentifier, e));
        DomainEventStream snapshot = DomainEventStream.empty();
        if (newest.snapshot() == null) {
            snapshotless.remember(aggregateIdentifier, newest.events().size(), since);
        } else {
            DomainEventData<?> stored = newest.snapshot().entry();
            if (!snapshotFilter.allow(stored)) {
                return readEvents(aggregateIdentifier, 0);          // another shape: replayed and snapshotted anew
            }
            snapshot = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored),
                    getSnapshotSerializer(), upcasterChain);
            try {
                snapshot.peek().getPayload();       // deserialized now (once: the message keeps it)
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("The snapshot of {} at sequence {} cannot be read; replaying its events", aggregateIdentifier,
                        newest.snapshot().sequenceNumber(), e);
                return readEvents(aggregateIdentifier, 0);
            }
        }
        return stream(aggregateIdentifier, snapshot, newest.events(), batchSize);
    }

    /** The snapshot's stream (empty or one message) and the events read after it, then the rest of a full batch. */
    private DomainEventStream stream(String aggregateIdentifier, DomainEventStream snapshot,
                                     List<LoadedEvents.Row> events, int batchSize) {
        boolean more = events.size() == batchSize;     // there may be more: the rest as Axon reads them
        if (loadedEvents.direct() && !more) {
            // no upcaster: the snapshot is one message; the whole stream is in hand (the usual load)
            return loadedEvents.stream(snapshot.hasNext() ? snapshot.next() : null, events);
        }
        DomainEventStream read = loadedEvents.direct() ? loadedEvents.stream(events)
                : EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream().map(LoadedEvents.Row::entry),
                getEventSerializer(), upcasterChain);
        if (more) {
            long next = events.get(batchSize - 1).sequenceNumber() + 1;
            read = DomainEventStream.concat(read, readEvents(aggregateIdentifier, next));
        }
        return DomainEventStream.concat(snapshot, read);
    }

    /**
     * Axon's store of a snapshot; then this node forgets that the aggregate had none, once the snapshot is committed
     * (or failed: another node's may be there), so that its next load looks it up ({@link SnapshotlessAggregates}).
     */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        try {
            super.storeSnapshot(snapshot, serializer);
        } finally {
            String aggregateIdentifier = snapshot.getAggregateIdentifier();
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().onCleanup(unitOfWork -> snapshotless.forget(aggregateIdentifier));
            } else {
                snapshotless.forget(aggregateIdentifier);
            }
        }
    }

    /** Axon's read of a batch of an aggregate's events, on a connection for reading ({@link AxonConnections#forRead}).
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        return JdbcUtils.executeQuery(readConnection(),
                connection -> readEventData(connection, aggregateIdentifier, firstSequenceNumber, batchSize),
                JdbcUtils.listResults(this::getDomainEventData),
                e -> new EventStoreException("Failed to read events for aggregate " + aggregateIdentifier, e));
    }

    /** The stream in global order, {@link #TRACKED_BATCH} events per query at least. */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return super.fetchTrackedEvents(lastToken, Math.max(batchSize, TRACKED_BATCH));
    }

    private Connection readConnection() {
        try {
            return connections.forRead();
        } catch (SQLException e) {
            throw new EventStoreException("No connection to read events", e);
        }
    }

    /** The rows of {@link #newestSql}: the snapshot flag, then the columns {@link LoadedEvents#row} reads, by index. */
    private Newest newest(ResultSet rows) throws SQLException {
        LoadedEvents.Row snapshot = null;
        List<LoadedEvents.Row> events = new ArrayList<>();
        boolean ascending = true;
        while (rows.next()) {
            if (rows.getBoolean(1)) {
                snapshot = LoadedEvents.row(rows, 2);
            } else {
                LoadedEvents.Row event = LoadedEvents.row(rows, 2);
                ascending &= events.isEmpty() || events.get(events.size() - 1).sequenceNumber() < event.sequenceNumber();
                events.add(event);
            }
        }
        if (!ascending) {               // the statement leaves the rows' order to PostgreSQL's Append (see newestSql)
            events.sort(Comparator.comparingLong(LoadedEvents.Row::sequenceNumber));
        }
        return new Newest(snapshot, events);
    }

    /** The rows of {@link #eventsSql}: the columns {@link LoadedEvents#row} reads, by index, in sequence order. */
    private List<LoadedEvents.Row> events(ResultSet rows) throws SQLException {
        List<LoadedEvents.Row> events = new ArrayList<>();
        while (rows.next()) {
            events.add(LoadedEvents.row(rows, 1));
        }
        return events;
    }

    /**
     * {@link #newestSql} (the aggregate's identifier bound twice: the snapshot's branch and the events') or
     * {@link #eventsSql} (once), for at most {@code batchSize} events.
     */
    private static PreparedStatement aggregateQuery(Connection connection, String sql, int identifiers,
                                                    String aggregateIdentifier, int batchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int parameter = 1; parameter <= identifiers; parameter++) {
            statement.setString(parameter, aggregateIdentifier);
        }
        statement.setInt(identifiers + 1, batchSize);
        return statement;
    }

    /** The insert of {@code count} event rows, in append order; the columns in the order {@link AppendedEvent#bindTo}
     * binds them (Axon's columns and values: with pgjdbc's rewritten batches its append was such a statement too). */
    private String insertSql(int count) {
        String sql = insertSqlByCount[count];
        if (sql == null) {
            EventSchema schema = schema();
            sql = "INSERT INTO " + schema.domainEventTable() + " (" + String.join(", ", schema.eventIdentifierColumn(),
                    schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.typeColumn(),
                    schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                    schema.payloadColumn(), schema.metaDataColumn()) + ") VALUES "
                    + String.join(", ", Collections.nCopies(count, "(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            insertSqlByCount[count] = sql;                // racing threads build the same text: either is kept
        }
        return sql;
    }

    /**
     * The newest snapshot row (flagged) and at most {@code ?} events after it, the first in sequence order; the columns
     * in the order {@link LoadedEvents#row} reads them. No ORDER BY over the union: sorting the ~11 wide rows again cost
     * PostgreSQL more than the rest of the statement's execution beyond the raw select (LoadStatementProbe: 124 µs
     * wall p50 against 111 µs without it, raw 84 µs, 2026-12-07). PostgreSQL's Append gives its branches in order, but
     * SQL promises no order without ORDER BY, so {@link #newest} tells the snapshot by its flag and sorts the events if
     * they ever come otherwise; which events are read is fixed by the branch's own ORDER BY and LIMIT.
     */
    private static String newestSql(EventSchema schema) {
        String fields = LoadedEvents.columns(schema);
        String aggregate = schema.aggregateIdentifierColumn();
        String sequence = schema.sequenceNumberColumn();
        return "WITH newest AS (SELECT " + fields + " FROM " + schema.snapshotTable() + " WHERE " + aggregate
                + " = ? ORDER BY " + sequence + " DESC LIMIT 1) "
                + "SELECT true AS snapshot, " + fields + " FROM newest "
                + "UNION ALL (SELECT false, " + fields + " FROM " + schema.domainEventTable() + " WHERE " + aggregate
                + " = ? AND " + sequence + " > coalesce((SELECT " + sequence + " FROM newest), -1) ORDER BY " + sequence
                + " LIMIT ?)";
    }

    /** An aggregate's first {@code ?} events, the columns in the order {@link LoadedEvents#row} reads them. */
    private static String eventsSql(EventSchema schema) {
        return "SELECT " + LoadedEvents.columns(schema) + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.aggregateIdentifierColumn() + " = ? ORDER BY " + schema.sequenceNumberColumn() + " LIMIT ?";
    }

    /**
     * An aggregate's events from {@code firstSequenceNumber}, at most {@code batchSize}: Axon's statement asks for a
     * range of sequence numbers instead, which cannot tell a short range from the end of the stream.
     */
    private static PreparedStatement eventsOfAggregate(Connection connection, EventSchema schema, String identifier,
                                                       long firstSequenceNumber, int batchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " >= ? ORDER BY " + schema.sequenceNumberColumn() + " LIMIT ?");
        statement.setString(1, identifier);
        statement.setLong(2, firstSequenceNumber);
        statement.setInt(3, batchSize);
        return statement;
    }

    /** A batch smaller than asked is the last: the statement asks for a count, not a range ({@link #eventsOfAggregate}).
     */
    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    private record Newest(LoadedEvents.Row snapshot, List<LoadedEvents.Row> events) {
    }
}
