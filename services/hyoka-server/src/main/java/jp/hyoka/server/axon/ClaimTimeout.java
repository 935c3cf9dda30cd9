package jp.hyoka.server.axon;

import java.time.Duration;

/**
 * {@code hyoka.read-models.claim-timeout}, checked at start-up: how long a node's claim on the read-model processor
 * holds after the node stopped renewing it. The holder renews it once a second while idle (Axon's event availability
 * timeout) and at each batch's start while busy; a timeout at or near that interval lets another node find a live
 * claim expired and take it, and the two take it back and forth. So it must be at least {@link #MINIMUM}: twice the
 * idle renewal interval, and what the crash tests run with.
 */
final class ClaimTimeout {

    static final String SETTING = "hyoka.read-models.claim-timeout";
    static final Duration MINIMUM = Duration.ofSeconds(2);

    private ClaimTimeout() {
    }

    /** {@code timeout} if it is at least {@link #MINIMUM}; the server does not start otherwise. */
    static Duration checked(Duration timeout) {
        if (timeout.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException(SETTING + " must be at least 2s (an idle processor renews its claim "
                    + "once a second, a busy one at each batch's start; shorter, nodes take the claim from a live "
                    + "holder): " + timeout);
        }
        return timeout;
    }
}
