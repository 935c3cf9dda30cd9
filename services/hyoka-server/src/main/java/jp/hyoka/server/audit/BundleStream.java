package jp.hyoka.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.audit.EventChain;
import jp.hyoka.domain.audit.StoredLink;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One bundle file, read chunk by chunk from one {@link ChainSnapshot} held open until the last chunk (or until the
 * download is abandoned): the header line, then the links up to the bundle's head, each chunk about
 * {@link #CHUNK_BYTES} of whole lines. Only one chunk is ever in memory. The format is {@link EventChainAudit}'s.
 */
final class BundleStream implements AutoCloseable {

    static final int CHUNK_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChainSnapshot snapshot;
    private final ChainSnapshot.Links links;
    private byte[] header;

    private BundleStream(ChainSnapshot snapshot, ChainSnapshot.Links links, byte[] header) {
        this.snapshot = snapshot;
        this.links = links;
        this.header = header;
    }

    static BundleStream open(DataSource dataSource, BundleLinks bundle) throws SQLException {
        ChainSnapshot snapshot = ChainSnapshot.open(dataSource, bundle.tenant().value());
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("format", EventChainAudit.BUNDLE_FORMAT);
            header.put("hashFormat", EventChain.FORMAT);
            header.put("tenant", bundle.tenant().value());
            header.put("exportedAt", bundle.exportedAt().toString());
            header.put("events", snapshot.linksUpTo(bundle.head().position()));
            header.put("headPosition", bundle.head().position());
            header.put("headHash", bundle.head().hash());
            return new BundleStream(snapshot, snapshot.links(bundle.head().position()), line(header));
        } catch (SQLException | RuntimeException e) {
            snapshot.close();
            throw e;
        }
    }

    /** The next whole lines, or empty after the last. */
    Optional<byte[]> next() throws SQLException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK_BYTES + 4096);
        if (header != null) {
            chunk.writeBytes(header);
            header = null;
        }
        while (chunk.size() < CHUNK_BYTES) {
            Optional<StoredLink> link = links.next();
            if (link.isEmpty()) {
                break;
            }
            chunk.writeBytes(line(fields(link.get())));
        }
        return chunk.size() == 0 ? Optional.empty() : Optional.of(chunk.toByteArray());
    }

    @Override
    public void close() throws SQLException {
        try (snapshot) {
            links.close();
        }
    }

    private static Map<String, Object> fields(StoredLink stored) {
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

    private static byte[] line(Map<String, Object> fields) {
        try {
            return (JSON.writeValueAsString(fields) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
