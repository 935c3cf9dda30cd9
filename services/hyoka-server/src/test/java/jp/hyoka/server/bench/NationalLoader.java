package jp.hyoka.server.bench;

import io.micronaut.context.ApplicationContext;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.ReadModelProjection;
import jp.hyoka.domain.form.FormCatalog;
import jp.hyoka.server.security.Tenants;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The national data set (issue 22): {@code municipalities} municipalities (1,788 is every 地方公共団体 of Japan; valid
 * 6-digit codes with check digit, one per prefecture in turn) × 20 assessments, each an {@link AssessmentStarted}
 * and {@code history} answers (a 事務 edited over time, each answer naming the one before it).
 * <p>
 * Decision: the events go through the server's own event store, one unit of work (one JDBC transaction, one batch)
 * per municipality, 2 loaders in parallel: the real serializer and table layout, and the store's append listeners
 * (hash chain, integration outbox) write their rows in the same transaction, so the data is what the product would
 * have written, without running a command (and replaying an aggregate) per event. The read models are then built by
 * the product's own read-model processor, live; the loader waits until it has caught up.
 */
final class NationalLoader {

    static final int NATIONAL = 1788;
    static final int ASSESSMENTS_PER_MUNICIPALITY = 20;
    private static final Actor LOADER = new Actor("bench-loader", "計測 投入");

    record Loaded(int municipalities, int assessments, long eventsAppended, long eventsInStore, double loadSeconds,
                  double projectionSeconds) {
        double eventsPerSecond() {
            return eventsAppended / loadSeconds;
        }
    }

    private final ApplicationContext context;

    NationalLoader(ApplicationContext context) {
        this.context = context;
    }

    /** The {@code n}-th municipality code: prefecture 01–47 in turn, city numbers from 201, with check digit. */
    static MunicipalityCode municipality(int n) {
        String five = String.format(Locale.ROOT, "%02d%03d", 1 + n % 47, 201 + n / 47);
        return new MunicipalityCode(five + MunicipalityCode.checkDigit(five));
    }

    /** How many municipalities hold about {@code events} events with {@code history} answers per assessment. */
    static int municipalitiesFor(long events, int history) {
        return (int) Math.max(1, events / ((long) ASSESSMENTS_PER_MUNICIPALITY * (1 + history)));
    }

    /**
     * Municipalities {@code from} (inclusive) to {@code to} (exclusive), so that a data set can grow level by level
     * (the at-scale pass's 10⁴ → 10⁵ → 10⁶); then waits until every tracking processor has caught up.
     */
    Loaded load(int from, int to, int history, Consumer<String> progress) throws Exception {
        int municipalities = to - from;
        Tenants tenants = context.getBean(Tenants.class);
        EventStore store = context.getBean(Configuration.class).eventStore();
        FormRef form = context.getBean(FormCatalog.class).current(FormKind.KEY_ITEMS).ref();
        long start = System.nanoTime();
        ExecutorService loaders = Executors.newFixedThreadPool(2);
        List<Future<Integer>> done = new ArrayList<>();
        for (int n = from; n < to; n++) {
            MunicipalityCode code = municipality(n);
            int number = n;
            done.add(loaders.submit(() -> {
                tenants.register(code, "計測自治体" + number);
                List<EventMessage<?>> events = events(code, form, history);
                DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(events));
                return events.size();
            }));
        }
        long appended = 0;
        try {
            for (int n = 0; n < done.size(); n++) {
                appended += done.get(n).get();
                if ((n + 1) % 200 == 0) {
                    progress.accept(String.format(Locale.ROOT, "loaded %d of %d municipalities, %,d events, %.0f "
                            + "events/s", n + 1, municipalities, appended, appended / seconds(start)));
                }
            }
        } finally {
            loaders.shutdownNow();
        }
        double loadSeconds = seconds(start);
        long caughtUp = System.nanoTime();
        long head = awaitProcessors(Duration.ofMinutes(30));
        return new Loaded(to, to * ASSESSMENTS_PER_MUNICIPALITY, appended, head, loadSeconds, seconds(caughtUp));
    }

    private static List<EventMessage<?>> events(MunicipalityCode tenant, FormRef form, int history) {
        List<EventMessage<?>> events = new ArrayList<>();
        Instant at = Instant.now();
        for (int a = 0; a < ASSESSMENTS_PER_MUNICIPALITY; a++) {
            AssessmentId id = new AssessmentId(UUID.randomUUID());
            String aggregate = id.value().toString();
            events.add(new GenericDomainEventMessage<>("AssessmentAggregate", aggregate, 0,
                    new AssessmentStarted(id, tenant, form, "計測の事務 " + a, LOADER, at)));
            TextAnswer previous = null;
            for (int h = 1; h <= history; h++) {
                TextAnswer answer = new TextAnswer("計測課 第" + h + "版 " + "記".repeat(200));
                events.add(new GenericDomainEventMessage<>("AssessmentAggregate", aggregate, h, new ItemAnswered(id,
                        tenant, new ItemId("department.name"), List.of(), previous, answer, null, LOADER, at)));
                previous = answer;
            }
        }
        return events;
    }

    /**
     * Waits until every tracking processor (the read models first among them) has handled every event in the store,
     * so that a server started on the data later finds them caught up; answers the store's head.
     */
    private long awaitProcessors(Duration patience) throws SQLException, InterruptedException {
        long head;
        try (Connection connection = context.getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT coalesce(max(globalindex), 0) FROM domainevententry")) {
            row.next();
            head = row.getLong(1);
        }
        List<TrackingEventProcessor> processors = new ArrayList<>();
        context.getBean(Configuration.class).eventProcessingConfiguration()
                .eventProcessor(ReadModelProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                .ifPresent(processors::add);
        context.getBean(Configuration.class).eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                .filter(processor -> !processors.contains(processor)).forEach(processors::add);
        long deadline = System.nanoTime() + patience.toNanos();
        for (TrackingEventProcessor processor : processors) {
            while (position(processor) < head) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(processor.getName() + " did not catch up with " + head
                            + " events");
                }
                Thread.sleep(200);
            }
        }
        return head;
    }

    private static long position(TrackingEventProcessor processor) {
        EventTrackerStatus status = processor.processingStatus().get(0);
        return status == null ? -1 : status.getCurrentPosition().orElse(-1);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
