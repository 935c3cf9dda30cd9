package jp.hyoka.domain.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of one tenant's events. A link's hash is SHA-256 over a canonical byte form of the link and its
 * event, so changing any covered byte of an event, or the order, or the previous hash, changes every hash from
 * there on. The standalone verifier ({@code infra/scripts/VerifyBundle.java}) implements the same form
 * independently; keep the two identical.
 *
 * <p>Canonical form {@value #FORMAT}: these fields in this order, each as its UTF-8 bytes preceded by their
 * length as a 4-byte big-endian integer (so no field can bleed into the next): the format name, tenant,
 * position (decimal), previous hash (lowercase hex), event id, aggregate id, sequence number (decimal), type,
 * timestamp, payload. The hash is written as 64 lowercase hex digits.
 */
public final class EventChain {

    public static final String FORMAT = "hyoka-event-chain/1";
    /** The "previous hash" of a tenant's first link. */
    public static final String GENESIS = "0".repeat(64);
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(EventChain::sha256);

    private EventChain() {
    }

    public static String hash(String tenant, long position, String previousHash, ChainedEvent event) {
        // Fed to the digest field by field (no intermediate copy of the ~1 KB canonical form), with a digest kept per
        // thread: MessageDigest.getInstance looks its provider up each time, and every append hashes (row 1's profile).
        MessageDigest digest = DIGEST.get();
        digest.reset();
        ByteBuffer length = ByteBuffer.allocate(4);
        for (String field : new String[] {FORMAT, tenant, Long.toString(position), previousHash, event.eventId(),
                event.aggregateId(), Long.toString(event.sequenceNumber()), event.type(), event.timestamp(),
                event.payload()}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            digest.update(length.putInt(0, bytes.length).array());
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The links that append {@code events}, in order, after {@code head}. */
    public static List<ChainLink> extend(String tenant, ChainHead head, List<ChainedEvent> events) {
        List<ChainLink> links = new ArrayList<>(events.size());
        ChainHead current = head;
        for (ChainedEvent event : events) {
            long position = current.position() + 1;
            ChainLink link = new ChainLink(position, event.eventId(), current.hash(),
                    hash(tenant, position, current.hash(), event));
            links.add(link);
            current = ChainHead.of(link);
        }
        return List.copyOf(links);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
