package jp.hyoka.domain.audit;

/** Why a chain does not verify, each with what {@link BrokenLink}'s expected and stored hashes then mean. */
public enum ChainBreak {
    /**
     * The hash recomputed from the stored event differs from the link's stored hash: a covered field of the event
     * (payload, id, aggregate, sequence, type, timestamp) or the link's hash was changed. Expected: recomputed;
     * stored: the link's.
     */
    EVENT_CHANGED,
    /**
     * The link's previous hash is not the hash of the link before it: the link was rewritten or moved. Expected:
     * the hash of the link before; stored: the link's previous hash.
     */
    PREVIOUS_HASH_CHANGED,
    /** The link names an event the store no longer holds. Expected: the link's hash; stored: none. */
    EVENT_MISSING,
    /**
     * The positions skip or repeat: a link was removed or inserted. The position is the one expected next; the
     * event is the one found there instead. No hashes.
     */
    LINK_MISSING,
    /**
     * The recorded head is not the last link: links were removed from (or added to) the end. The position is the
     * recorded head's. Expected: the recorded head hash; stored: the last link's hash.
     */
    HEAD_MISMATCH,
    /** A stored event of the tenant has no link: it was written around the chain. No position, no hashes. */
    UNCHAINED_EVENT
}
