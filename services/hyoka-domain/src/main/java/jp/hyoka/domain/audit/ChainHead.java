package jp.hyoka.domain.audit;

/**
 * The last link of a chain: its position (the number of events chained) and its hash. An empty chain is at
 * position 0 with the {@link EventChain#GENESIS} hash.
 */
public record ChainHead(long position, String hash) {

    public static final ChainHead EMPTY = new ChainHead(0, EventChain.GENESIS);

    static ChainHead of(ChainLink link) {
        return new ChainHead(link.position(), link.hash());
    }
}
