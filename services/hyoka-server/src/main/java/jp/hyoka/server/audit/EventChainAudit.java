package jp.hyoka.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jp.hyoka.domain.audit.ChainHead;
import jp.hyoka.domain.audit.ChainVerification;
import jp.hyoka.domain.audit.ChainVerifier;
import jp.hyoka.domain.audit.EventChain;
import jp.hyoka.domain.audit.StoredLink;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What an auditor asks of a municipality's chain: recompute it from the stored events ({@link #verify}), or take
 * it away as a bundle to check independently ({@link #bundle}). Both read one consistent snapshot.
 *
 * <p>Bundle format {@value #BUNDLE_FORMAT}, UTF-8 JSON lines. Line 1, the header: {@code format},
 * {@code hashFormat}, {@code tenant}, {@code exportedAt}, {@code events} (links in the bundle), {@code headPosition}
 * and {@code headHash} (the head recorded beside the chain). Then one line per link in position order:
 * {@code position}, {@code eventId}, {@code aggregateId}, {@code sequenceNumber}, {@code type}, {@code timestamp},
 * {@code payload} (the stored JSON, as a string), {@code previousHash}, {@code hash}; a link whose event the store
 * no longer holds has no event fields.
 */
@Singleton
public class EventChainAudit {

    public static final String BUNDLE_FORMAT = "hyoka-audit-bundle/1";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    public AuditBundle bundle(MunicipalityCode tenant, Instant exportedAt) {
        return ChainSnapshot.read(dataSource, tenant.value(), snapshot -> {
            StringBuilder links = new StringBuilder();
            long[] count = {0};
            snapshot.forEachLink(link -> {
                links.append(line(linkFields(link))).append('\n');
                count[0]++;
            });
            ChainHead head = snapshot.recordedHead();
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("format", BUNDLE_FORMAT);
            header.put("hashFormat", EventChain.FORMAT);
            header.put("tenant", tenant.value());
            header.put("exportedAt", exportedAt.toString());
            header.put("events", count[0]);
            header.put("headPosition", head.position());
            header.put("headHash", head.hash());
            return new AuditBundle("hyoka-audit-" + tenant.value() + "-" + head.position() + ".jsonl",
                    "application/jsonl; charset=utf-8", exportedAt, count[0], head.hash(),
                    line(header) + "\n" + links);
        });
    }

    private static Map<String, Object> linkFields(StoredLink stored) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("position", stored.link().position());
        fields.put("eventId", stored.link().eventId());
        stored.event().ifPresent(event -> {
            fields.put("aggregateId", event.aggregateId());
            fields.put("sequenceNumber", event.sequenceNumber());
            fields.put("type", event.type());
            fields.put("timestamp", event.timestamp());
            fields.put("payload", event.payload());
        });
        fields.put("previousHash", stored.link().previousHash());
        fields.put("hash", stored.link().hash());
        return fields;
    }

    private static String line(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
