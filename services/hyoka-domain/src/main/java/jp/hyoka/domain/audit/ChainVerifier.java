package jp.hyoka.domain.audit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Recomputes a tenant's stored chain link by link, in position order, and keeps the first break. Links are fed
 * one at a time so a long chain can be streamed from the database instead of held in memory. Nothing after the
 * first break is judged: once one link is wrong, the later hashes vouch for nothing.
 */
public final class ChainVerifier {

    private final String tenant;
    private ChainHead verified = ChainHead.EMPTY;
    private BrokenLink broken;

    public ChainVerifier(String tenant) {
        this.tenant = tenant;
    }

    /** Checks the next stored link; false once the chain is broken (further links are then ignored). */
    public boolean check(StoredLink stored) {
        if (broken == null) {
            broken = problem(stored).orElse(null);
            if (broken == null) {
                verified = ChainHead.of(stored.link());
            }
        }
        return broken == null;
    }

    /**
     * The verdict once every link was fed: the head recorded beside the chain must be the last link, and no event
     * of the tenant may lie outside the chain.
     */
    public ChainVerification finish(ChainHead recordedHead, List<String> unchainedEventIds) {
        if (broken == null && !recordedHead.equals(verified)) {
            broken = new BrokenLink(OptionalLong.of(recordedHead.position()), Optional.empty(),
                    ChainBreak.HEAD_MISMATCH, Optional.of(recordedHead.hash()), Optional.of(verified.hash()));
        }
        if (broken == null && !unchainedEventIds.isEmpty()) {
            broken = new BrokenLink(OptionalLong.empty(), Optional.of(unchainedEventIds.get(0)),
                    ChainBreak.UNCHAINED_EVENT, Optional.empty(), Optional.empty());
        }
        return new ChainVerification(tenant, verified, Optional.ofNullable(broken));
    }

    private Optional<BrokenLink> problem(StoredLink stored) {
        ChainLink link = stored.link();
        long expectedPosition = verified.position() + 1;
        if (link.position() != expectedPosition) {
            return Optional.of(broken(expectedPosition, link, ChainBreak.LINK_MISSING, null, null));
        }
        if (!link.previousHash().equals(verified.hash())) {
            return Optional.of(broken(expectedPosition, link, ChainBreak.PREVIOUS_HASH_CHANGED, verified.hash(),
                    link.previousHash()));
        }
        if (stored.event().isEmpty()) {
            return Optional.of(broken(expectedPosition, link, ChainBreak.EVENT_MISSING, link.hash(), null));
        }
        String recomputed = EventChain.hash(tenant, link.position(), link.previousHash(), stored.event().get());
        if (!recomputed.equals(link.hash())) {
            return Optional.of(broken(expectedPosition, link, ChainBreak.EVENT_CHANGED, recomputed, link.hash()));
        }
        return Optional.empty();
    }

    private static BrokenLink broken(long position, ChainLink link, ChainBreak reason, String expected, String stored) {
        return new BrokenLink(OptionalLong.of(position), Optional.of(link.eventId()), reason,
                Optional.ofNullable(expected), Optional.ofNullable(stored));
    }
}
