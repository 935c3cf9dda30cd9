package jp.hyoka.server.axon;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.HyokaServerTest;
import jp.hyoka.server.support.Samples;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tracking processor configured as the live read-model one costs one token statement per batch (BENCHMARKS.md
 * row 6): the token is stored at the batch's start in the batch's transaction
 * ({@link AxonConnections#PROCESSOR_TRANSACTIONS}), with no claim (SELECT FOR UPDATE, UPDATE) before it; and the
 * events are read a thousand per query ({@code NotifyingEventStorageEngine}), fewer queries than batches.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelProcessorRoundTripsIT extends HyokaServerTest {

    private static final String NAME = "round-trips";
    /**
     * Smaller than the live read-model processor's (hyoka.read-models.batch-size, 200): an import stores a few events
     * since its content became one (DocumentContentImported), so six imports span several batches only at this size.
     */
    private static final int BATCH = 2;

    @Inject
    DocumentImport imports;
    @Inject
    Configuration axon;
    @Inject
    DataSource dataSource;
    @Inject
    AxonConnections connections;
    @Inject
    Tenants tenants;

    @Override
    public Map<String, String> getProperties() {
        return CountingDriver.counting(super.getProperties());
    }

    @Test
    void givenImportsSpanningSeveralBatches_whenAProcessorLikeTheLiveOneReadsThem_thenEachBatchStoresItsTokenOnce()
            throws SQLException {
        for (MunicipalityCode code : List.of(Callers.KAWASAKI, Callers.ASAHIKAWA)) {
            tenants.register(code, code.value());
            Caller importer = new Caller(code, new Actor("importer", "取込 太郎"), Set.of(Caller.EDITOR));
            for (String sample : List.of(Samples.ALL_ITEMS_000, Samples.KEY_ITEMS_003, Samples.KEY_ITEMS_004)) {
                imports.importDocument(importer, sample, Samples.bytes(sample), null, null, "processor round trips");
            }
        }
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Ignoring()).build())
                .messageSource(axon.eventStore())
                .tokenStore(JdbcTokenStore.builder().connectionProvider(connections).serializer(axon.serializer())
                        .build())
                .transactionManager(AxonConnections.PROCESSOR_TRANSACTIONS)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(BATCH))
                .build();
        long head = head();
        int mark = CountingDriver.mark();

        processor.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (position(processor) < head) {
            assertThat(System.nanoTime()).as("the processor catches up").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        List<String> trips = CountingDriver.since(mark).stream()
                .filter(trip -> trip.thread().equals("EventProcessor[" + NAME + "]-0"))
                .map(trip -> trip.sql().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")).toList();
        processor.shutDown();

        // From the first read of the stream (the processor has claimed its token) to the last batch's commit.
        List<String> batchWork = trips.subList(indexOf(trips, "globalindex >"),
                trips.lastIndexOf("commit") + 1);
        long batches = batchWork.stream().filter(sql -> sql.equals("commit")).count();
        assertThat(head).as("the imports' events take several batches").isGreaterThan(3L * BATCH);
        assertThat(batchWork.stream().filter(sql -> sql.contains("tokenentry")).toList())
                .as("one token store per batch, no claim").hasSize((int) batches)
                .allMatch(sql -> sql.startsWith("update tokenentry set token"));
        assertThat(batchWork.stream().filter(sql -> sql.contains("from domainevententry")).count())
                .as("events read a thousand per query, not a batch's worth").isLessThan(batches);
    }

    private static int indexOf(List<String> trips, String part) {
        for (int i = 0; i < trips.size(); i++) {
            if (trips.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no statement with " + part + " in " + trips);
    }

    private static long position(TrackingEventProcessor processor) {
        EventTrackerStatus status = processor.processingStatus().get(0);
        return status == null ? -1 : status.getCurrentPosition().orElse(-1);
    }

    /** Takes every event and does nothing: what is counted is the processor's own work. */
    static final class Ignoring {
        @EventHandler
        void on(Object event) {
            // nothing
        }
    }

    private long head() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT max(globalindex) FROM domainevententry")) {
            row.next();
            return row.getLong(1);
        }
    }
}
