package jp.hyoka.server.axon;

import com.zaxxer.hikari.HikariDataSource;
import jp.hyoka.server.axon.ReadModelCatchUp;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * What one node tells the others through PostgreSQL's LISTEN/NOTIFY, so that several nodes on one database answer
 * as fast as one:
 * <ul>
 *   <li>{@value #EVENTS_APPENDED}: sent in every append's transaction (delivered at its commit). The node whose
 *       read-model processor holds the token fetches the new events now rather than at its next poll.</li>
 *   <li>{@value #READ_MODELS_COMMITTED}: sent in every read-model batch's transaction. A mutation on any node
 *       waiting for its revision to become readable looks again now.</li>
 * </ul>
 * Notifications only make things faster: every wait still polls, so a lost notification (a database restart drops
 * the listening connection) costs latency, never correctness. The listener has a connection of its own, outside
 * the pool, and reconnects by itself.
 */
public final class ClusterNotifications implements AutoCloseable {

    public static final String EVENTS_APPENDED = "hyoka_events_appended";
    public static final String READ_MODELS_COMMITTED = "hyoka_read_models_committed";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNotifications.class);
    private static final int RECEIVE_TIMEOUT_MILLIS = 1_000;
    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(500);

    private final HikariDataSource dataSource;
    private final ClusterEventStore eventStore;
    private final ReadModelCatchUp catchUp;
    private final Thread listener;
    private volatile boolean running = true;
    private volatile Connection connection;

    ClusterNotifications(HikariDataSource dataSource, ClusterEventStore eventStore, ReadModelCatchUp catchUp) {
        this.dataSource = dataSource;
        this.eventStore = eventStore;
        this.catchUp = catchUp;
        this.listener = new Thread(this::listen, "hyoka-cluster-notifications");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    /** Sends {@code channel} on {@code connection}; inside a transaction it is delivered when that commits. */
    public static void send(Connection connection, String channel) throws SQLException {
        try (Statement notify = connection.createStatement()) {
            notify.execute("NOTIFY " + channel);
        }
    }

    private void listen() {
        boolean reported = false;
        while (running) {
            try (Connection listening = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                    dataSource.getPassword())) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + EVENTS_APPENDED);
                    statement.execute("LISTEN " + READ_MODELS_COMMITTED);
                }
                if (reported) {
                    LOG.info("Listening to other nodes again");
                    reported = false;
                }
                wakeEverything();            // whatever was sent while nobody listened
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(RECEIVE_TIMEOUT_MILLIS);
                    if (received != null) {
                        dispatch(received);
                    }
                }
            } catch (SQLException e) {
                if (running && !reported) {
                    LOG.warn("Not listening to other nodes ({}); edits stay correct, waits fall back to polling",
                            e.getMessage());
                    reported = true;
                }
                pause();
            }
        }
    }

    private void dispatch(PGNotification[] received) {
        boolean events = false;
        boolean readModels = false;
        for (PGNotification notification : received) {
            events |= EVENTS_APPENDED.equals(notification.getName());
            readModels |= READ_MODELS_COMMITTED.equals(notification.getName());
        }
        if (events) {
            eventStore.eventsAppendedElsewhere();
        }
        if (readModels) {
            catchUp.batchCommitted();
        }
    }

    private void wakeEverything() {
        eventStore.eventsAppendedElsewhere();
        catchUp.batchCommitted();
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());   // a reconnect back-off, not a synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Connection listening = connection;
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        listener.interrupt();
    }
}
