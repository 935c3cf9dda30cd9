package jp.hyoka.server.graphql;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jp.hyoka.server.security.CallerResolver;

import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-municipality rate limits ({@code hyoka.limits}): a token bucket per municipality the verified token names
 * (a platform operator's per user), refilled at {@code requests-per-second} up to {@code burst}. One municipality's
 * script running away slows only itself: the others keep their share of the workers. Checked before the request's
 * body is parsed (Micronaut has read it, at most 2 MB). The buckets are kept per key for the process's life: as many
 * as municipalities and operators with verified tokens, a few thousand at most. Anonymous callers of
 * /graphql/public share one bucket of their own ({@code public-requests-per-second}, {@code public-burst}), and each
 * address has a smaller one inside it ({@code public-requests-per-second-per-address}, {@code public-burst-per-address}),
 * so one scraper cannot use up what every website visitor shares. Addresses are the client's as Micronaut resolves
 * it ({@code micronaut.server.client-address-header} behind a proxy), kept in {@link AddressBuckets} (bounded, the
 * idle ones dropped first). Per node:
 * behind a load balancer over N nodes a municipality gets up to N times the rate (the README's "Operating Hyoka"
 * says how to size it). A rate of 0 turns that limit off.
 */
@Singleton
public class RequestQuota {

    /** The key all anonymous callers share (here and in {@link CostBudget}). */
    static final String ANONYMOUS = "anonymous";

    private final Rate municipal;
    private final Rate anonymous;
    private final Rate perAddress;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AddressBuckets<Bucket> addresses;

    /** A refill rate and a burst; {@code perSecond} 0: no limit. */
    private record Rate(double perSecond, double burst) {
    }

    public RequestQuota(@Value("${hyoka.limits.requests-per-second:100}") double perSecond,
                        @Value("${hyoka.limits.burst:300}") int burst,
                        @Value("${hyoka.limits.public-requests-per-second:20}") double publicPerSecond,
                        @Value("${hyoka.limits.public-burst:60}") int publicBurst,
                        @Value("${hyoka.limits.public-requests-per-second-per-address:5}") double perAddressPerSecond,
                        @Value("${hyoka.limits.public-burst-per-address:20}") int perAddressBurst) {
        this.municipal = new Rate(perSecond, Math.max(1, burst));
        this.anonymous = new Rate(publicPerSecond, Math.max(1, publicBurst));
        this.perAddress = new Rate(perAddressPerSecond, Math.max(1, perAddressBurst));
        this.addresses = new AddressBuckets<>(AddressBuckets.MAX_ADDRESSES, bucket -> bucket.refilled(
                System.nanoTime(), perAddress.perSecond(), perAddress.burst()).tokens() >= perAddress.burst(),
                Bucket::at);
    }

    /** Takes one request from the caller's bucket; empty when allowed, else the whole seconds until one is. */
    OptionalInt take(Authentication caller) {
        return take(CallerResolver.quotaKey(caller));
    }

    /** The same, by the caller's {@link CallerResolver#quotaKey} (a WebSocket's subscribe: its token was read once). */
    OptionalInt take(String quotaKey) {
        return take(quotaKey, municipal);
    }

    /**
     * Takes one from the bucket all anonymous callers of /graphql/public share (they have no municipality to be
     * counted against): whatever a website's visitors, or a flood, send, the signed-in municipalities keep their
     * workers.
     */
    OptionalInt takeAnonymous(String address) {
        OptionalInt own = perAddress.perSecond() <= 0 ? OptionalInt.empty()
                : waitFor(addresses.update(address, before -> next(before, perAddress)), perAddress);
        return own.isPresent() ? own : take(buckets, ANONYMOUS, anonymous);
    }

    private OptionalInt take(String key, Rate rate) {
        return take(buckets, key, rate);
    }

    private static OptionalInt take(ConcurrentMap<String, Bucket> buckets, String key, Rate rate) {
        if (rate.perSecond() <= 0) {
            return OptionalInt.empty();
        }
        return waitFor(buckets.compute(key, (ignored, before) -> next(before, rate)), rate);
    }

    /** The bucket after one more request: refilled until now, then one taken if there is one. */
    private static Bucket next(Bucket before, Rate rate) {
        long now = System.nanoTime();
        return (before == null ? new Bucket(rate.burst(), now) : before.refilled(now, rate.perSecond(), rate.burst()))
                .taken();
    }

    private static OptionalInt waitFor(Bucket bucket, Rate rate) {
        if (bucket.granted()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.max(1, Math.ceil((1 - bucket.tokens()) / rate.perSecond())));
    }

    /** Tokens left at {@code at}; {@code granted}: whether the last take found one. */
    private record Bucket(double tokens, long at, boolean granted) {

        Bucket(double tokens, long at) {
            this(tokens, at, true);
        }

        Bucket refilled(long now, double perSecond, double burst) {
            return new Bucket(Math.min(burst, tokens + (now - at) / 1e9 * perSecond), now, granted);
        }

        Bucket taken() {
            return tokens >= 1 ? new Bucket(tokens - 1, at, true) : new Bucket(tokens, at, false);
        }
    }
}
