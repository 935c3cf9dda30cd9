package jp.hyoka.domain.audit;

import java.util.Optional;

/**
 * The outcome of recomputing a tenant's chain: the last link found intact (its position is the number of events
 * verified, counted from the first) and, unless the whole chain holds, the first place it breaks.
 */
public record ChainVerification(String tenant, ChainHead verified, Optional<BrokenLink> firstBrokenLink) {

    public boolean intact() {
        return firstBrokenLink.isEmpty();
    }
}
