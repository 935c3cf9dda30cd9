package jp.hyoka.server.graphql;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jp.hyoka.server.security.CallerResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Per-municipality rate limits ({@code hyoka.limits}): a token bucket per municipality the verified token names
 * (a platform operator's per user), refilled at {@code requests-per-second} up to {@code burst}. One municipality's
 * script running away slows only itself: the others keep their share of the workers. Checked before the request's
 * body is parsed (Micronaut has read it, at most 2 MB). The buckets are kept per key for the process's life: as many
 * as municipalities and operators with verified tokens, a few thousand at most. Anonymous callers of
 * /graphql/public share one bucket of their own ({@code public-requests-per-second}, {@code public-burst}), and each
 * address has a smaller one inside it ({@code public-requests-per-second-per-address}, {@code public-burst-per-address}),
 * so one scraper cannot use up what every website visitor shares. Addresses are the client's as Micronaut resolves
 * it ({@code micronaut.server.client-address-header} behind a proxy); at most {@link #MAX_ADDRESSES} are kept, the
 * idle ones dropped first. Per node:
 * behind a load balancer over N nodes a municipality gets up to N times the rate (the README's "Operating Hyoka"
 * says how to size it). A rate of 0 turns that limit off.
 */
@Singleton
public class RequestQuota {

    /** The key all anonymous callers share (here and in {@link CostBudget}). */
    static final String ANONYMOUS = "anonymous";

    /** Addresses whose buckets are kept at once; beyond it, the idle ones (their buckets full again) are dropped. */
    static final int MAX_ADDRESSES = 10_000;

    private final Rate municipal;
    private final Rate anonymous;
    private final Rate perAddress;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Bucket> addresses = new ConcurrentHashMap<>();
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** One request at a time clears idle addresses; the others go on meanwhile. */
    private final AtomicBoolean forgetting = new AtomicBoolean();

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
        if (addresses.size() > MAX_ADDRESSES && forgetting.compareAndSet(false, true)) {
            try {
                forgetIdleAddresses();
            } finally {
                forgetting.set(false);
            }
        }
        OptionalInt own = take(addresses, caller(address), perAddress);
        return own.isPresent() ? own : take(buckets, ANONYMOUS, anonymous);
    }

    /**
     * The key of an address's bucket: an IPv6 address by its /64 (one subscriber's network, whose hosts are as many as
     * a scraper wants), an IPv4 address whole.
     */
    static String caller(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (!IPV6_LITERAL.matcher(address).matches()) {
            return address;             // IPv4, or not an address literal (never looked up: no DNS on this path)
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private OptionalInt take(String key, Rate rate) {
        return take(buckets, key, rate);
    }

    /** A bucket full again says nothing its absence would not; if none is, the oldest half goes (fail open). */
    private void forgetIdleAddresses() {
        long now = System.nanoTime();
        addresses.entrySet().removeIf(entry -> entry.getValue().refilled(now, perAddress.perSecond(),
                perAddress.burst()).tokens() >= perAddress.burst());
        if (addresses.size() > MAX_ADDRESSES) {
            addresses.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue(
                            java.util.Comparator.comparingLong(Bucket::at))).limit(addresses.size() / 2)
                    .map(java.util.Map.Entry::getKey).toList().forEach(addresses::remove);
        }
    }

    private static OptionalInt take(ConcurrentMap<String, Bucket> buckets, String key, Rate rate) {
        if (rate.perSecond() <= 0) {
            return OptionalInt.empty();
        }
        long now = System.nanoTime();
        Bucket bucket = buckets.compute(key, (ignored, before) ->
                (before == null ? new Bucket(rate.burst(), now) : before.refilled(now, rate.perSecond(), rate.burst()))
                        .taken());
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
