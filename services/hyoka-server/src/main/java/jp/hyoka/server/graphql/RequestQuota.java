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
 * as municipalities and operators with verified tokens, a few thousand at most. Per node: behind a load balancer over N nodes a municipality gets up to N times the rate (the
 * README's "Operating Hyoka" says how to size it). {@code requests-per-second: 0} turns the limit off.
 */
@Singleton
public class RequestQuota {

    private final double perSecond;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RequestQuota(@Value("${hyoka.limits.requests-per-second:100}") double perSecond,
                        @Value("${hyoka.limits.burst:300}") int burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
    }

    /** Takes one request from the caller's bucket; empty when allowed, else the whole seconds until one is. */
    OptionalInt take(Authentication caller) {
        if (perSecond <= 0) {
            return OptionalInt.empty();
        }
        long now = System.nanoTime();
        Bucket bucket = buckets.compute(CallerResolver.quotaKey(caller), (key, before) ->
                (before == null ? new Bucket(burst, now) : before.refilled(now, perSecond, burst)).taken());
        if (bucket.granted()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.max(1, Math.ceil((1 - bucket.tokens()) / perSecond)));
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
