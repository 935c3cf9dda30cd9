package jp.hyoka.server.rules;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.integration.IntegrationEvent;
import jp.hyoka.domain.integration.IntegrationEvents;
import jp.hyoka.domain.rules.deadlines.Deadline;
import jp.hyoka.domain.rules.deadlines.DeadlineFacts;
import jp.hyoka.domain.rules.deadlines.DeadlineStatus;
import jp.hyoka.domain.rules.deadlines.Deadlines;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.integration.IntegrationOutbox;
import jp.hyoka.server.security.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells outside (integration event {@code assessment.deadline-reached.v1}) when an assessment's deadline becomes due
 * soon, overdue or (a window) elapsed. A pass computes every municipality's deadlines on today's date in Japan and
 * writes one outbox row per assessment, kind, due date and status, named by exactly that: a second pass, on this node
 * or any other, adds nothing, so N nodes may all run it, and a day missed (the server was down) is caught up by the
 * next pass, which finds the status still holding. Each municipality's rows commit together.
 * Runs every {@code hyoka.deadlines.announce-every} (default 1h; 0s turns it off, as the tests do: they call
 * {@link #announce(LocalDate)} with the day they mean).
 */
@Singleton
public class DeadlineAnnouncer implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineAnnouncer.class);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Tenants tenants;
    private final DeadlineQueries deadlines;
    private final DataSource dataSource;
    private final Duration every;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService schedule;

    public DeadlineAnnouncer(Tenants tenants, DeadlineQueries deadlines, DataSource dataSource,
                             @Value("${hyoka.deadlines.announce-every:1h}") Duration every) {
        this.tenants = tenants;
        this.deadlines = deadlines;
        this.dataSource = dataSource;
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
            int told = announce(LocalDate.now(clock.withZone(JAPAN)));
            if (told > 0) {
                LOG.info("Told {} deadline(s) reached", told);
            }
        } catch (RuntimeException | SQLException e) {
            LOG.warn("The deadline pass failed; the next one catches up", e);
        }
    }

    /** One pass on {@code day}: how many outbox rows it offered (rows told before are not written again). */
    public int announce(LocalDate day) throws SQLException {
        int offered = 0;
        for (MunicipalityCode tenant : tenants.all().keySet()) {
            Map<String, IntegrationEvent> told = new LinkedHashMap<>();
            for (Map.Entry<AssessmentId, DeadlineFacts> assessment : deadlines.facts(tenant).entrySet()) {
                for (Deadline deadline : Deadlines.of(assessment.getValue(), day)) {
                    if (deadline.status() != DeadlineStatus.UPCOMING) {
                        String id = assessment.getKey().toString();
                        told.put(String.join("|", "deadline", tenant.value(), id, deadline.kind().name(),
                                        deadline.dueOn().toString(), deadline.status().name()),
                                IntegrationEvents.deadlineReached(tenant.value(), id, deadline, day, clock.instant()));
                    }
                }
            }
            if (!told.isEmpty()) {
                tell(told);
                offered += told.size();
            }
        }
        return offered;
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
