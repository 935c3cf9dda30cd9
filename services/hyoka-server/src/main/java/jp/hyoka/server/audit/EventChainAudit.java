package jp.hyoka.server.audit;

import jakarta.inject.Singleton;
import jp.hyoka.domain.audit.ChainHead;
import jp.hyoka.domain.audit.ChainVerification;
import jp.hyoka.domain.audit.ChainVerifier;
import jp.hyoka.domain.shared.MunicipalityCode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * What an auditor asks of a municipality's chain: recompute it from the stored events ({@link #verify}), or take
 * it away as a bundle to check independently ({@link #bundleAt}, then {@link #stream}: a download). Both read one
 * consistent snapshot; a bundle ends at the head fixed when it was asked for.
 *
 * <p>Bundle format {@value #BUNDLE_FORMAT}, UTF-8 JSON lines. Line 1, the header: {@code format},
 * {@code hashFormat}, {@code tenant}, {@code exportedAt}, {@code events} (links in the bundle), {@code headPosition}
 * and {@code headHash} (the head recorded when the bundle was asked for: its last link). Then one line per link in position order:
 * {@code position}, {@code eventId}, {@code aggregateId}, {@code sequenceNumber}, {@code type}, {@code timestamp},
 * {@code payload} (the stored JSON, as a string), {@code previousHash}, {@code hash}; a link whose event the store
 * no longer holds has no event fields.
 */
@Singleton
public class EventChainAudit {

    public static final String BUNDLE_FORMAT = "hyoka-audit-bundle/1";
    private static final Logger LOG = LoggerFactory.getLogger(EventChainAudit.class);

    private final DataSource dataSource;

    public EventChainAudit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ChainVerification verify(MunicipalityCode tenant) {
        return ChainSnapshot.read(dataSource, tenant.value(), snapshot -> {
            ChainVerifier verifier = new ChainVerifier(tenant.value());
            snapshot.forEachLink(verifier::check);
            return verifier.finish(snapshot.recordedHead(), snapshot.unchainedEventIds());
        });
    }

    /** The bundle a download would take now: up to the head recorded at this moment (to the millisecond, as signed). */
    BundleLinks bundleAt(MunicipalityCode tenant, String requestedBy, Instant exportedAt) {
        ChainHead head = ChainSnapshot.read(dataSource, tenant.value(), ChainSnapshot::recordedHead);
        return new BundleLinks(tenant, head, exportedAt.truncatedTo(ChronoUnit.MILLIS), requestedBy);
    }

    /**
     * The bundle's file, streamed: read from one snapshot as the subscriber asks for it, on {@code scheduler}
     * (JDBC blocks), the snapshot ended when the file is, or when the subscriber cancels (a download abandoned).
     */
    Flux<byte[]> stream(BundleLinks bundle, Scheduler scheduler) {
        return Flux.<byte[], BundleStream>generate(() -> BundleStream.open(dataSource, bundle), (stream, sink) -> {
            try {
                stream.next().ifPresentOrElse(sink::next, sink::complete);
            } catch (SQLException e) {
                sink.error(new IllegalStateException("could not read the event chain of " + bundle.tenant(), e));
            }
            return stream;
        }, EventChainAudit::close).subscribeOn(scheduler).cancelOn(scheduler);   // closing is JDBC too
    }

    private static void close(BundleStream stream) {
        try {
            stream.close();
        } catch (SQLException e) {
            LOG.warn("Could not end an audit bundle's snapshot cleanly", e);
        }
    }
}
