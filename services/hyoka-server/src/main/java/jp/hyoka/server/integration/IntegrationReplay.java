package jp.hyoka.server.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.Redaction;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.assessment.event.VersionPublished;
import jp.hyoka.domain.integration.IntegrationEvent;
import jp.hyoka.domain.integration.IntegrationEvents;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.server.axon.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Re-publishes a range of integration events from the event store, for a consumer that lost its data: each domain
 * event in the range (by the store's global position, optionally one municipality's) that is told outside is derived
 * again — the same CloudEvents id, so consumers that still have it deduplicate it — with every redaction of its
 * assessment applied, and queued in the outbox again (a row published before is re-queued, a missing one added); the
 * relay then publishes it as any other. At a bounded rate (rows per second), in pages, with progress; one replay at
 * a time on a node, in a thread of its own (never an HTTP or event-loop thread).
 */
@Singleton
public class IntegrationReplay {

    /** Where a replay is. */
    public enum State { RUNNING, FINISHED, FAILED }

    /** What a replay was asked for and how far it got. */
    public record Status(State state, long fromPosition, long toPosition, String municipalityCode, int ratePerSecond,
                         long scanned, long queued, Instant startedAt, Instant finishedAt, String error) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationReplay.class);
    private static final int PAGE = 200;
    private static final String DOMAIN_PACKAGE = "jp.hyoka.domain.";

    private final DataSource dataSource;
    private final ObjectMapper json = EventJson.objectMapper();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hyoka-integration-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Status> status = new AtomicReference<>();

    public IntegrationReplay(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Status> status() {
        return Optional.ofNullable(status.get());
    }

    /**
     * Starts a replay of positions [from, to] ({@code to} null: up to the newest event); empty when one is running.
     * @throws BadArgument for a range or rate that cannot be served
     */
    /** A range or rate that cannot be served: which argument, and what is wrong with it. */
    public static final class BadArgument extends IllegalArgumentException {
        private final transient InvalidInput rejection;

        BadArgument(String argument, String problem) {
            super(argument + " " + problem);
            this.rejection = new InvalidInput(argument, problem);
        }

        /** The refusal as the API reports it (field: the argument). */
        public InvalidInput rejection() {
            return rejection;
        }
    }

    public synchronized Optional<Status> start(long from, Long to, String municipalityCode, int ratePerSecond) {
        Status current = status.get();
        if (current != null && current.state() == State.RUNNING) {
            return Optional.empty();
        }
        if (from < 1) {
            throw new BadArgument("fromPosition", "must be at least 1");
        }
        if (to != null && to < from) {
            throw new BadArgument("toPosition", "must not be before fromPosition");
        }
        if (ratePerSecond < 1 || ratePerSecond > 10_000) {
            throw new BadArgument("ratePerSecond", "must be 1..10000");
        }
        long until = to != null ? to : newestPosition();
        Status started = new Status(State.RUNNING, from, until, municipalityCode, ratePerSecond, 0, 0, Instant.now(),
                null, null);
        status.set(started);
        worker.submit(() -> run(started));
        return Optional.of(started);
    }

    private void run(Status job) {
        long next = job.fromPosition();
        long scanned = 0;
        long queued = 0;
        long begun = System.nanoTime();
        try {
            while (next <= job.toPosition()) {
                Page page = page(next, job.toPosition(), job.municipalityCode());
                queued += page.queued();
                scanned += page.scanned();
                next = page.nextPosition();
                status.set(progress(job, scanned, queued, State.RUNNING, null));
                pace(begun, queued, job.ratePerSecond());
                if (page.scanned() == 0) {
                    break;
                }
            }
            status.set(progress(job, scanned, queued, State.FINISHED, null));
            LOG.info("Integration replay of positions {}..{} finished: {} events scanned, {} queued again",
                    job.fromPosition(), job.toPosition(), scanned, queued);
        } catch (RuntimeException | SQLException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            status.set(progress(job, scanned, queued, State.FAILED, e.getMessage()));
            LOG.error("Integration replay of positions {}..{} failed", job.fromPosition(), job.toPosition(), e);
        }
    }

    private record Page(long scanned, long queued, long nextPosition) {
    }

    /** One page of the store, derived and queued in one transaction. */
    private Page page(long from, long to, String municipalityCode) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<OutboxRows.Pending> rows = new ArrayList<>();
            Map<String, Set<String>> withheld = new HashMap<>();
            long scanned = 0;
            long last = from - 1;
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT globalindex, eventidentifier, payloadtype, payload FROM domainevententry
                    WHERE globalindex BETWEEN ? AND ? ORDER BY globalindex LIMIT ?""")) {
                select.setLong(1, from);
                select.setLong(2, to);
                select.setInt(3, PAGE);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        scanned++;
                        last = row.getLong(1);
                        String domainEventId = row.getString(2);
                        derive(row.getString(3), row.getBytes(4), assessmentId -> withheld.computeIfAbsent(
                                assessmentId, id -> WithheldMarks.current(connection, id, json)))
                                .filter(told -> municipalityCode == null || municipalityCode.equals(told.tenant()))
                                .ifPresent(told -> rows.add(new OutboxRows.Pending(domainEventId, told)));
                    }
                }
            }
            List<OutboxRows.Pending> redacted = redacted(connection, rows);
            OutboxRows.insert(connection, redacted);
            refresh(connection, redacted);
            requeue(connection, redacted);
            connection.commit();
            return new Page(scanned, redacted.size(), last + 1);
        }
    }

    /**
     * The integration event a stored domain event is told as, if any; types outside the domain are not read. A
     * publication is told with the items its assessment has marked 非公表 now withheld too ({@link WithheldMarks}).
     */
    private Optional<IntegrationEvent> derive(String payloadType, byte[] payload,
                                              Function<String, Set<String>> withheldNow) {
        if (!payloadType.startsWith(DOMAIN_PACKAGE)) {
            return Optional.empty();
        }
        try {
            Object event = json.readValue(payload, Class.forName(payloadType));
            if (event instanceof VersionPublished published) {
                event = published.alsoWithholding(withheldNow.apply(published.assessmentId().toString()));
            }
            return IntegrationEvents.of(event);
        } catch (ClassNotFoundException | java.io.IOException e) {
            throw new IllegalStateException("stored event of type " + payloadType + " cannot be read", e);
        }
    }

    /**
     * A row written before keeps its id but takes the payload derived now: a replay publishes what may be told
     * today (every redaction, every 非公表 mark), never the older wording the row was first written with.
     */
    private void refresh(Connection connection, List<OutboxRows.Pending> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE integration_outbox SET payload = ?::jsonb WHERE event_id = ? AND payload <> ?::jsonb""")) {
            for (OutboxRows.Pending row : rows) {
                String payload = OutboxRows.json(row.event());
                update.setString(1, payload);
                update.setObject(2, OutboxRows.eventId(row.origin(), row.event()));
                update.setString(3, payload);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Every redaction of each assessment applied to its payloads (the store keeps what was redacted later). */
    private List<OutboxRows.Pending> redacted(Connection connection, List<OutboxRows.Pending> rows) throws SQLException {
        Map<String, List<Redaction>> redactions = new HashMap<>();
        List<OutboxRows.Pending> result = new ArrayList<>();
        for (OutboxRows.Pending row : rows) {
            IntegrationEvent event = row.event();
            List<Redaction> applying = redactions.computeIfAbsent(event.subject(), subject -> redactionsOf(connection, subject));
            if (applying.isEmpty()) {
                result.add(row);
                continue;
            }
            String text = json.valueToTree(event.payload()).toString();
            for (Redaction redaction : applying) {
                text = redaction.apply(text);
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> clean = json.readValue(text, Map.class);
                result.add(new OutboxRows.Pending(row.origin(), new IntegrationEvent(event.name(),
                        event.contractVersion(), event.tenant(), event.subject(), event.occurredAt(), clean)));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return result;
    }

    private List<Redaction> redactionsOf(Connection connection, String assessmentId) {
        List<Redaction> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT payload FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?""")) {
            select.setString(1, assessmentId);
            select.setString(2, PersonalDataRedacted.class.getName());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new Redaction(json.readValue(row.getBytes(1), PersonalDataRedacted.class).text()));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("redactions of " + assessmentId + " cannot be read", e);
        }
        return found;
    }

    /** A row published before is queued again: the relay publishes it once more, under the same id. */
    private static void requeue(Connection connection, List<OutboxRows.Pending> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                INSERT INTO integration_outbox_queue (position)
                SELECT position FROM integration_outbox WHERE event_id = ? ON CONFLICT (position) DO NOTHING""")) {
            for (OutboxRows.Pending row : rows) {
                update.setObject(1, OutboxRows.eventId(row.origin(), row.event()));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Sleeps as long as needed for {@code queued} rows since {@code begun} to stay within the rate. */
    private static void pace(long begun, long queued, int ratePerSecond) throws InterruptedException {
        long due = begun + queued * 1_000_000_000L / ratePerSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private long newestPosition() {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT coalesce(max(globalindex), 0) FROM domainevententry")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the event store's newest position cannot be read", e);
        }
    }

    private static Status progress(Status job, long scanned, long queued, State state, String error) {
        return new Status(state, job.fromPosition(), job.toPosition(), job.municipalityCode(), job.ratePerSecond(),
                scanned, queued, job.startedAt(), state == State.RUNNING ? null : Instant.now(), error);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
