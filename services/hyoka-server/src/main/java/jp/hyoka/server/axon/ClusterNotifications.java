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
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * What one node tells the others through PostgreSQL's LISTEN/NOTIFY, so that several nodes on one database answer
 * as fast as one:
 * <ul>
 *   <li>{@link Channel#EVENTS_APPENDED} after every append: the node whose read-model processor holds the token
 *       fetches the new events now rather than at its next poll (Axon polls once a second).</li>
 *   <li>{@link Channel#READ_MODELS_COMMITTED} after every read-model batch: a mutation on any node waiting for its
 *       revision to become readable looks again now.</li>
 * </ul>
 * Notifications only make things faster: every wait still polls, so a lost notification costs latency, never
 * correctness. Hence they are sent <em>after</em> the commit they announce, by a thread of their own on a connection
 * of its own with {@code synchronous_commit} off, and a burst is sent as one: a NOTIFY inside the appending
 * transaction would hold PostgreSQL's server-wide notification lock through that commit's flush, serialising every
 * commit of every tenant and node. The listener, too, has a connection of its own; it checks it when idle (a
 * half-open connection would otherwise leave the node deaf) and reconnects by itself.
 */
public final class ClusterNotifications implements AutoCloseable {

    /** The channels, named as PostgreSQL sees them. */
    public enum Channel {
        EVENTS_APPENDED("hyoka_events_appended"),
        READ_MODELS_COMMITTED("hyoka_read_models_committed");

        private final String name;

        Channel(String name) {
            this.name = name;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNotifications.class);
    private static final int RECEIVE_TIMEOUT_MILLIS = 1_000;
    private static final int IDLE_RECEIVES_BEFORE_CHECK = 10;
    private static final long RECONNECT_PAUSE_MILLIS = 500;

    private final HikariDataSource dataSource;
    private final ReadModelCatchUp catchUp;
    private final Set<Channel> pending = EnumSet.noneOf(Channel.class);    // guarded by itself
    private final Thread sender;
    private volatile Thread listener;
    private volatile ClusterEventStore eventStore;
    private volatile boolean running = true;
    /**
     * This node's notifications carry this as their payload: PostgreSQL delivers a NOTIFY to every listener, this
     * node's own included, and this node learns of its own appends and batches directly. Its own echo used to wake its
     * event store's producer for a fetch that found nothing and a read-your-writes wait for a query of the read models
     * (issue 22, infra/docs/edit-path.md), so the listener passes over notifications with this payload. Not the
     * sender's backend pid: after a database restart another node's new connection may get the pid this node's dead
     * one had, and this node would pass over that node's notifications until its own sender reconnected.
     */
    private final String self = UUID.randomUUID().toString();
    private final AggregateCache aggregates;

    ClusterNotifications(HikariDataSource dataSource, ReadModelCatchUp catchUp, AggregateCache aggregates) {
        this.dataSource = dataSource;
        this.catchUp = catchUp;
        this.aggregates = aggregates;
        this.sender = daemon("hyoka-cluster-notify", this::send);
    }

    /** Starts listening to the other nodes, waking {@code store} and the read-your-writes waits. */
    void listen(ClusterEventStore store) {
        this.eventStore = store;
        this.listener = daemon("hyoka-cluster-listen", this::listen);
    }

    /** Tells the other nodes (soon, after the caller's commit) what happened; never blocks. */
    public void announce(Channel channel) {
        synchronized (pending) {
            pending.add(channel);
            pending.notifyAll();
        }
    }

    private void send() {
        try {
            boolean reported = false;
            while (running) {
                try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                    // Losing a notification in a crash costs nothing but latency: no need to wait for its flush.
                    statement.execute("SET synchronous_commit TO off");
                    reported = recovered(reported, "sending");
                    while (running) {
                        for (Channel channel : nextBurst()) {
                            statement.execute("NOTIFY " + channel.name + ", '" + self + "'");
                        }
                    }
                } catch (SQLException e) {
                    reported = failed(reported, "sending", e);
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    private Set<Channel> nextBurst() throws InterruptedException {
        synchronized (pending) {
            while (pending.isEmpty()) {
                pending.wait();
            }
            Set<Channel> burst = EnumSet.copyOf(pending);
            pending.clear();
            return burst;
        }
    }

    private void listen() {
        try {
            boolean reported = false;
            while (running) {
                try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                    for (Channel channel : Channel.values()) {
                        statement.execute("LISTEN " + channel.name);
                    }
                    reported = recovered(reported, "listening");
                    // deaf for a while: the database may even have moved back (a restore, a fail-over to a replica
                    // behind), which reading forward cannot see, so no kept aggregate is trusted or read forward
                    aggregates.removeAll();
                    wake(EnumSet.allOf(Channel.class));          // whatever was sent while nobody listened
                    receive(connection.unwrap(PGConnection.class), statement);
                } catch (SQLException e) {
                    reported = failed(reported, "listening", e);
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    private void receive(PGConnection notifications, Statement statement) throws SQLException {
        int idle = 0;
        while (running) {
            PGNotification[] received = notifications.getNotifications(RECEIVE_TIMEOUT_MILLIS);
            if (received != null && received.length > 0) {
                wake(channels(received));
                idle = 0;
            } else if (++idle >= IDLE_RECEIVES_BEFORE_CHECK) {
                statement.execute("SELECT 1");               // a dead connection fails here, not silently
                idle = 0;
            }
        }
    }

    /** The channels other nodes notified; this node's own notifications are passed over. */
    private Set<Channel> channels(PGNotification[] received) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (PGNotification notification : received) {
            if (self.equals(notification.getParameter())) {
                continue;
            }
            for (Channel channel : Channel.values()) {
                if (channel.name.equals(notification.getName())) {
                    channels.add(channel);
                }
            }
        }
        return channels;
    }

    private void wake(Set<Channel> channels) {
        if (channels.contains(Channel.EVENTS_APPENDED)) {
            aggregates.appendedElsewhere();
            eventStore.eventsAppendedElsewhere();
        }
        if (channels.contains(Channel.READ_MODELS_COMMITTED)) {
            catchUp.batchCommittedElsewhere();
        }
    }

    /** A connection outside the pool (held for the node's life), with the pool's settings. */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.putAll(dataSource.getDataSourceProperties());
        properties.setProperty("user", dataSource.getUsername());
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    }

    private boolean recovered(boolean reported, String what) {
        if (reported) {
            LOG.info("Cluster notifications: {} again", what);
        }
        return false;
    }

    private boolean failed(boolean reported, String what, SQLException e) throws InterruptedException {
        if (running && !reported) {
            LOG.warn("Cluster notifications: not {} ({}); edits stay correct, other nodes fall back to polling",
                    what, e.getMessage());
        }
        if (running) {
            Thread.sleep(RECONNECT_PAUSE_MILLIS);                  // a reconnect back-off, not a synchronisation
        }
        return true;
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        running = false;
        sender.interrupt();
        Thread listening = listener;
        if (listening != null) {
            listening.interrupt();
        }
    }
}
