package jp.hyoka.server.rules;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.integration.IntegrationEvent;
import jp.hyoka.domain.integration.IntegrationEvents;
import jp.hyoka.domain.rules.deadlines.Deadline;
import jp.hyoka.domain.rules.deadlines.DeadlineFacts;
import jp.hyoka.domain.rules.deadlines.DeadlineStatus;
import jp.hyoka.domain.rules.deadlines.Deadlines;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.ProcessorLag;
import jp.hyoka.server.axon.ReadModelProjection;
import jp.hyoka.server.integration.IntegrationOutbox;
import jp.hyoka.server.security.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells outside (integration event {@code assessment.deadline-reached.v1}) when an assessment's deadline becomes due
 * soon, overdue or (a window) elapsed. A pass computes every municipality's deadlines on today's date in Japan and
 * writes one outbox row per assessment, kind, due date and status, named by exactly that, for the statuses reached
 * in the last {@link #CATCH_UP_DAYS} days: a second pass adds nothing, and a week of downtime is caught up by the
 * next pass. Statuses reached long before (a deadline overdue for years when the server first runs) are not told:
 * they are in the API, and telling them every hour would be work without news.
 * Guards: one node at a time runs a pass (a PostgreSQL advisory lock; the others skip it); no pass while the read
 * models are more than {@link #MAX_LAG} events behind (a rebuild or a restore replaying: half-built publications
 * would tell due dates that later ones replaced, and a told event cannot be taken back); each municipality's rows
 * commit together, and one municipality failing does not stop the others.
 * Runs every {@code hyoka.deadlines.announce-every} (default 1h; 0s turns it off, as the tests do: they call
 * {@link #announce(LocalDate)} with the day they mean).
 */
@Singleton
public class DeadlineAnnouncer implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineAnnouncer.class);
    /** How long after a status was reached a pass still tells it: downtime up to this long is caught up. */
    static final int CATCH_UP_DAYS = 7;
    /** Read models further behind than this are being rebuilt or replayed: no pass then. */
    static final long MAX_LAG = 1_000;
    /** The advisory lock a pass holds, so that one node of N runs it. */
    private static final long LOCK = 0x4879_6f6b_6144_6c6eL;        // "HyokaDln"

    private final Tenants tenants;
    private final DeadlineQueries deadlines;
    private final DataSource dataSource;
    private final ProcessorLag lag;
    private final Duration every;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService schedule;

    public DeadlineAnnouncer(Tenants tenants, DeadlineQueries deadlines, DataSource dataSource, ProcessorLag lag,
                             @Value("${hyoka.deadlines.announce-every:1h}") Duration every) {
        this.tenants = tenants;
        this.deadlines = deadlines;
        this.dataSource = dataSource;
        this.lag = lag;
        this.every = every;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (every.isZero() || every.isNegative()) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hyoka-deadline-announcer");
            thread.setDaemon(true);
            return thread;
        });
        // the first pass a minute after start: not in the way of the start-up and its read-model catch-up
        schedule.scheduleWithFixedDelay(this::announceToday, Math.min(60_000, every.toMillis()), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    private void announceToday() {
        try {
            int told = announce(JapaneseDates.dayInJapan(clock.instant()));
            if (told > 0) {
                LOG.info("Told {} deadline(s) reached", told);
            }
        } catch (RuntimeException | SQLException e) {
            LOG.warn("The deadline pass failed; the next one catches up", e);
        }
    }

    /**
     * One pass on {@code day}: how many outbox rows it offered (rows told before are not written again); 0 when
     * another node holds the pass or the read models are behind.
     */
    public int announce(LocalDate day) throws SQLException {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!tryLock(lockHolder)) {
                LOG.debug("Another node runs the deadline pass");
                return 0;
            }
            try {
                long behind = lag.refresh().lagOf(ReadModelProjection.PROCESSING_GROUP);
                if (behind > MAX_LAG) {
                    LOG.info("Deadline pass skipped: the read models are {} events behind", behind);
                    return 0;
                }
                int offered = 0;
                for (MunicipalityCode tenant : tenants.all().keySet()) {
                    try {
                        offered += announce(tenant, day);
                    } catch (RuntimeException | SQLException e) {
                        LOG.warn("Deadline pass failed for {}; the next pass catches up", tenant.value(), e);
                    }
                }
                return offered;
            } finally {
                unlock(lockHolder);
            }
        }
    }

    private int announce(MunicipalityCode tenant, LocalDate day) throws SQLException {
        Map<String, IntegrationEvent> told = new LinkedHashMap<>();
        for (Map.Entry<AssessmentId, DeadlineFacts> assessment : deadlines.facts(tenant).entrySet()) {
            for (Deadline deadline : Deadlines.of(assessment.getValue(), day)) {
                if (deadline.status() != DeadlineStatus.UPCOMING && reachedRecently(deadline, day)) {
                    String id = assessment.getKey().toString();
                    told.put(String.join("|", "deadline", tenant.value(), id, deadline.kind().name(),
                                    deadline.dueOn().toString(), deadline.status().name()),
                            IntegrationEvents.deadlineReached(tenant.value(), id, deadline, day, clock.instant()));
                }
            }
        }
        if (!told.isEmpty()) {
            tell(told);
        }
        return told.size();
    }

    /** Whether the deadline entered its status within the catch-up days up to {@code day}. */
    static boolean reachedRecently(Deadline deadline, LocalDate day) {
        LocalDate reached = deadline.status() == DeadlineStatus.DUE_SOON
                ? deadline.dueOn().minusDays(Deadlines.DUE_SOON_DAYS) : deadline.dueOn().plusDays(1);
        return !reached.isBefore(day.minusDays(CATCH_UP_DAYS));
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, LOCK);
            unlock.execute();
        }
    }

    private void tell(Map<String, IntegrationEvent> told) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                IntegrationOutbox.tell(connection, told);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
