package jp.hyoka.server.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import jp.hyoka.server.database.AdvisoryLock;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jp.hyoka.server.axon.ReadModelCatchUp;
import jp.hyoka.server.axon.ReadModelProjection;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Rebuilds every read model from the events, without stopping the server: a second tracking processor projects
 * the whole event store into shadow copies of the rm_* tables ({@link ShadowSchema}, {@link ShadowProcessor});
 * once it has caught up with the head, one transaction — with the live processor paused — drops the live tables,
 * moves the copies into their place and hands the rebuild's position to the live processor
 * ({@link TokenHandover}), which then carries on with whatever was stored meanwhile. Until that commit the live
 * tables are untouched, so a failed rebuild costs nothing but its copy.
 *
 * <p>One rebuild at a time in the installation (an {@link AdvisoryLock}): a node asked while another node's
 * rebuild is active refuses. A monitor thread follows the rebuild: state, progress, errors, the switch.
 *
 * <p>Over 250 lines because the run's state machine (start, follow, switch, fail, close) and the switch's one
 * transaction read best in one place: each step checks the state the previous one left. The pieces that stand alone
 * are apart (ShadowSchema, ShadowProcessor, TokenHandover, the lock).
 */
@Singleton
public class ReadModelRebuilds implements AutoCloseable {

    public static final String PROCESSOR_PREFIX = "read-models-rebuild-";
    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuilds.class);
    private static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(5);
    /** One rebuild at a time in the installation (the advisory lock's name; hashtext of it is the key). */
    static final String LOCK = "hyoka.read_model.rebuild";

    private final HikariDataSource dataSource;
    private final Configuration axon;
    private final ReadModelCatchUp catchUp;
    private final List<ReadModelProjection> projections;
    private final ShadowSchema shadow;
    private final int batchSize;
    private final Duration pollInterval;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Run current;

    public ReadModelRebuilds(HikariDataSource dataSource, Configuration axon, List<ReadModelProjection> projections,
                             ReadModelCatchUp catchUp,
                             @Value("${hyoka.rebuild.batch-size:2000}") int batchSize,
                             @Value("${hyoka.rebuild.poll-interval:50ms}") Duration pollInterval) {
        this.dataSource = dataSource;
        this.catchUp = catchUp;
        this.axon = axon;
        this.projections = projections;
        this.shadow = new ShadowSchema(dataSource, ReadModelTables.ALL);
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
    }

    /**
     * Starts a rebuild, or reports the one already active on this node (one at a time).
     *
     * @return empty when a rebuild is active on another node
     */
    public synchronized Optional<RebuildStatus> start(SwitchOver switchOver) {
        Run active = current;
        if (active != null && active.state.active()) {
            return Optional.of(status(active));
        }
        Optional<AdvisoryLock> lock;
        try {
            lock = AdvisoryLock.tryTake(dataSource, LOCK);
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask whether a rebuild is active on another node", e);
        }
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Run run = new Run(PROCESSOR_PREFIX + now.toEpochMilli(), switchOver, now, lock.get());
        current = run;
        try {
            NewerSchema.refuseIfNewerThanThisBuild(dataSource);
            forgetEarlierRebuilds();
            run.migratedUpTo = shadow.create();
            run.processor = new ShadowProcessor(run.name(), dataSource, axon, projections, batchSize);
            run.processor.start();
            run.monitoring = monitor.scheduleWithFixedDelay(() -> follow(run), pollInterval.toMillis(),
                    pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Read-model rebuild {} started ({}, batches of {}), into {}", run.name(), switchOver,
                    batchSize, ShadowSchema.NAME);
        } catch (SQLException | RuntimeException e) {
            fail(run, e);
        }
        return Optional.of(status(run));
    }

    /** The current or last rebuild since this server started. */
    public Optional<RebuildStatus> status() {
        Run run = current;
        return run == null ? Optional.empty() : Optional.of(status(run));
    }

    /**
     * Has the active rebuild switch as soon as it has caught up; if it has, waits up to {@code wait} for the switch.
     *
     * @return empty when no rebuild is active
     */
    public Optional<RebuildStatus> switchWhenCaughtUp(Duration wait) {
        Run run = current;
        if (run == null || !run.state.active()) {
            return Optional.empty();
        }
        run.switchOver = SwitchOver.WHEN_CAUGHT_UP;
        long deadline = System.nanoTime() + wait.toNanos();
        while (run.state == RebuildState.CAUGHT_UP && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return Optional.of(status(run));
    }

    /** One look at the rebuild, on the monitor thread: errors, catching up, the switch, progress in the log. */
    private void follow(Run run) {
        try {
            if (!run.state.active()) {
                return;
            }
            if (!run.lock.held()) {
                fail(run, lockLost());
                return;
            }
            Optional<Throwable> error = run.processor.error();
            if (error.isPresent()) {
                fail(run, error.get());
                return;
            }
            Optional<EventTrackerStatus> status = run.processor.status();
            status.flatMap(s -> positionOf(s.getTrackingToken())).ifPresent(position -> run.position = position);
            if (run.state == RebuildState.RUNNING && status.map(EventTrackerStatus::isCaughtUp).orElse(false)) {
                Instant lastCommit = run.processor.lastCommit();
                run.caughtUpAt = lastCommit == null ? Instant.now() : lastCommit;
                run.state = RebuildState.CAUGHT_UP;
                LOG.info("Read-model rebuild {} caught up: {} events at position {}", run.name(),
                        run.processor.processed(), run.position);
            }
            if (run.state == RebuildState.CAUGHT_UP && run.switchOver == SwitchOver.WHEN_CAUGHT_UP) {
                switchOver(run);
            } else if (Instant.now().isAfter(run.loggedAt.plus(PROGRESS_LOG_INTERVAL))) {
                run.loggedAt = Instant.now();
                RebuildStatus now = status(run);
                LOG.info("Read-model rebuild {}: {}, {} events, position {} of {} ({}%)", run.name(),
                        now.state(), now.eventsProcessed(), now.position(), now.headPosition(), now.percent());
            }
        } catch (SQLException | RuntimeException e) {
            fail(run, e);
        }
    }

    /**
     * The switch: the copy stops at a batch boundary, the live processor pauses, and one transaction swaps the
     * tables and hands the copy's position to the live processor, which resumes from there.
     */
    private synchronized void switchOver(Run run) throws SQLException {
        if (!run.lock.held()) {
            throw lockLost();
        }
        run.processor.stop();
        TrackingEventProcessor live = axon.eventProcessingConfiguration()
                .eventProcessor(ReadModelProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        long pausedAt = System.nanoTime();
        live.shutDown();
        TrackingToken handedOver;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                shadow.swapIn(connection, run.migratedUpTo);
                handedOver = TokenHandover.handOver(connection, run.name(), ReadModelProjection.PROCESSING_GROUP,
                        axon.serializer());
                connection.commit();
                // The swapped-in tables may be behind what the live processor had projected: waits ask them again.
                catchUp.forgetProjected();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } finally {
            live.start();
            run.pauseMillis = Duration.ofNanos(System.nanoTime() - pausedAt).toMillis();
        }
        run.position = positionOf(handedOver).orElse(0L);
        run.switchedAt = Instant.now();
        run.state = RebuildState.SWITCHED;
        run.monitoring.cancel(false);
        run.processor.close();
        run.lock.close();
        LOG.info("Read-model rebuild {} switched: {} events, live processor continues from position {} "
                + "(paused {} ms)", run.name(), run.processor.processed(), run.position, run.pauseMillis);
    }

    /** Stops the rebuild, removes its copy and token and lets go of the lock; FAILED is reported once they are gone. */
    private synchronized void fail(Run run, Throwable error) {
        LOG.error("Read-model rebuild {} failed; the live read models are untouched", run.name(), error);
        if (run.monitoring != null) {
            run.monitoring.cancel(false);
        }
        try {
            if (run.processor != null) {
                run.processor.close();
            }
            if (run.lock.held()) {          // without it, the copy may be another node's rebuild by now
                shadow.drop();
                forgetEarlierRebuilds();
            }
        } catch (SQLException | RuntimeException cleanup) {
            LOG.warn("Cleaning up after rebuild {} failed; the next rebuild drops what is left", run.name(),
                    cleanup);
        }
        run.error = error.getClass().getSimpleName() + ": " + error.getMessage();
        run.state = RebuildState.FAILED;
        run.lock.close();
    }

    private static IllegalStateException lockLost() {
        return new IllegalStateException("the rebuild lock's connection was lost: another node may rebuild now");
    }

    /** Tokens of rebuilds that never finished (a stop, a crash) would otherwise stay in the token table. */
    private void forgetEarlierRebuilds() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM tokenentry WHERE processorname LIKE ?")) {
            delete.setString(1, PROCESSOR_PREFIX + "%");
            delete.executeUpdate();
        }
    }

    private RebuildStatus status(Run run) {
        long head = headPosition();
        long processed = run.processor == null ? 0 : run.processor.processed();
        double percent = run.state == RebuildState.SWITCHED ? 100.0 : RebuildStatus.percent(run.position, head);
        return new RebuildStatus(run.name(), run.state, run.switchOver, ReadModelTables.ALL, processed,
                run.position, head, percent, run.startedAt(), run.caughtUpAt, run.switchedAt, run.pauseMillis,
                run.error);
    }

    private long headPosition() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT coalesce(max(globalindex), 0) FROM domainevententry")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the head of the event store", e);
        }
    }

    private static Optional<Long> positionOf(TrackingToken token) {
        if (token == null) {
            return Optional.empty();
        }
        var position = token.position();
        return position.isPresent() ? Optional.of(position.getAsLong()) : Optional.empty();
    }

    @PreDestroy
    @Override
    public void close() {
        monitor.shutdownNow();
        Run run = current;
        if (run != null && run.state.active()) {
            run.error = "the server stopped";
            run.state = RebuildState.FAILED;
            if (run.processor != null) {
                run.processor.close();
            }
            run.lock.close();
        }
    }

    /** One rebuild; its fields are written by the monitor thread (or start) and read by status requests. */
    private static final class Run {
        private final String name;
        private final Instant startedAt;
        private final AdvisoryLock lock;
        private volatile SwitchOver switchOver;
        private volatile RebuildState state = RebuildState.RUNNING;
        private volatile ShadowProcessor processor;
        /** The newest migration when the copies were made: one installed since refuses the switch. */
        private volatile long migratedUpTo;
        private volatile ScheduledFuture<?> monitoring;
        private volatile long position;
        private volatile Instant caughtUpAt;
        private volatile Instant switchedAt;
        private volatile Long pauseMillis;
        private volatile String error;
        private volatile Instant loggedAt;

        Run(String name, SwitchOver switchOver, Instant startedAt, AdvisoryLock lock) {
            this.name = name;
            this.lock = lock;
            this.switchOver = switchOver;
            this.startedAt = startedAt;
            this.loggedAt = startedAt;
        }

        String name() {
            return name;
        }

        Instant startedAt() {
            return startedAt;
        }
    }
}
