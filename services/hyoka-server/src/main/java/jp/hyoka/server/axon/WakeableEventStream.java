package jp.hyoka.server.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A tracking processor's stream from {@link ClusterEventStore} that an append wakes, whatever state Axon's stream is in.
 *
 * <p>Why: Axon's {@code EmbeddedEventStore} serves a processor either from its shared cache (then a local commit wakes
 * it at once) or, once the processor has fallen behind that cache or its token is no longer found in it, from a
 * "private" stream of its own. A private stream that has run dry waits for the processor's whole availability timeout
 * (1 s) on a signal that only the cache's producer gives, and the producer reads nothing while no stream follows the
 * cache. A processor that fell behind once (a bulk load of more than the cache's 10,000 events, e.g. the national data
 * set) could thus project every later edit about a second late, and every mutation's read-your-writes wait with it.
 *
 * <p>So the wait is cut into pieces. Between two asks of Axon's stream this waits on {@link Appends}, which every local
 * commit and every other node's announcement signals (at most {@link #POLL_MILLIS}: an append made without an
 * announcement, such as a bulk load, is still found). After an append the stream is asked with a longer timeout, for
 * the cache's producer to fetch it; a private stream reads the store again at once when asked. Idle, the cache costs
 * nothing and a private stream a read every {@link #POLL_MILLIS} (Axon's own producer polls once a second).
 */
final class WakeableEventStream implements TrackingEventStream {

    /** How long one ask of Axon's stream waits when no append was heard of. */
    static final long ASK_MILLIS = 20;
    /** How long an ask waits after an append: the cache's producer fetches it in that time, even on a busy machine. */
    static final long ASK_AFTER_APPEND_MILLIS = 200;
    /** The longest wait between two asks. */
    static final long POLL_MILLIS = 100;

    private final TrackingEventStream delegate;
    private final Appends appends;

    WakeableEventStream(TrackingEventStream delegate, Appends appends) {
        this.delegate = delegate;
        this.appends = appends;
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        long seen = appends.count();           // read before asking, so no append after the ask goes unnoticed
        long ask = ASK_MILLIS;
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (delegate.hasNextAvailable((int) Math.max(0, Math.min(left, ask)), TimeUnit.MILLISECONDS)) {
                return true;
            }
            long rest = deadline - System.nanoTime();
            if (rest <= 0) {
                return false;
            }
            long now = appends.awaitAfter(seen, Math.min(rest, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)));
            ask = now == seen ? ASK_MILLIS : ASK_AFTER_APPEND_MILLIS;
            seen = now;
        }
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return delegate.peek();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        return delegate.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        return delegate.setOnAvailableCallback(callback);
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Counts the appends a node hears of (its own commits, other nodes' announcements) and wakes who waits for one. */
    static final class Appends {

        private long count;                    // guarded by this

        synchronized void signal() {
            count++;
            notifyAll();
        }

        synchronized long count() {
            return count;
        }

        /** @return the count once it differs from {@code seen}, or {@code seen} after {@code nanos} */
        synchronized long awaitAfter(long seen, long nanos) throws InterruptedException {
            long until = System.nanoTime() + nanos;
            long left = nanos;
            while (count == seen && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
                left = until - System.nanoTime();
            }
            return count;
        }
    }
}
