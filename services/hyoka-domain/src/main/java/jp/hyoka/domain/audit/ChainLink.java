package jp.hyoka.domain.audit;

/**
 * One link of a tenant's chain: the event at {@code position} (1 for the tenant's first event), the hash of the
 * link before it ({@link EventChain#GENESIS} for the first) and its own hash.
 */
public record ChainLink(long position, String eventId, String previousHash, String hash) {
}
