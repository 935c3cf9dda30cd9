package jp.hyoka.server.graphql;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Each municipality's cost budget ({@code hyoka.limits.cost}), a leaky bucket in Shopify's terms: it holds at most
 * {@code maximum-available} points and refills at {@code restore-rate} points a second. An operation takes its
 * requested cost before it runs and gets back what it did not use once its actual cost is known; one that needs more
 * than is left is refused (THROTTLED, with the seconds until it would fit), one that costs more than
 * {@code max-query-cost} is refused whatever is left (MAX_COST_EXCEEDED). Keyed as {@link RequestQuota} is (a
 * municipality, a platform operator's user, or all anonymous callers together). Kept in memory per node, like the
 * rate limit: behind a load balancer over N nodes a municipality gets up to N times the budget. A restore rate of 0
 * turns both refusals off (the cost is still reported).
 */
@Singleton
public class CostBudget {

    /** Shopify's {@code throttleStatus}. */
    record Status(int maximumAvailable, int currentlyAvailable, double restoreRate) {
        Map<String, Object> toSpecification() {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("maximumAvailable", maximumAvailable);
            status.put("currentlyAvailable", currentlyAvailable);
            status.put("restoreRate", restoreRate);
            return status;
        }
    }

    /** What the budget says to an operation of a given requested cost. */
    sealed interface Decision {
    }

    record Granted() implements Decision {
    }

    record OverMaximum(int maximumQueryCost) implements Decision {
    }

    record Throttled(int retryAfterSeconds) implements Decision {
    }

    private final int maximumAvailable;
    private final double restoreRate;
    private final int maxQueryCost;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public CostBudget(@Value("${hyoka.limits.cost.maximum-available:1000}") int maximumAvailable,
                      @Value("${hyoka.limits.cost.restore-rate:50}") double restoreRate,
                      @Value("${hyoka.limits.cost.max-query-cost:1000}") int maxQueryCost) {
        this(maximumAvailable, restoreRate, maxQueryCost, System::nanoTime);
    }

    CostBudget(int maximumAvailable, double restoreRate, int maxQueryCost, LongSupplier nanoTime) {
        this.maximumAvailable = Math.max(1, maximumAvailable);
        this.restoreRate = restoreRate;
        this.maxQueryCost = Math.min(Math.max(1, maxQueryCost), this.maximumAvailable);
        this.nanoTime = nanoTime;
    }

    boolean enabled() {
        return restoreRate > 0;
    }

    /** Takes {@code cost} from {@code key}'s budget if it fits; takes nothing otherwise. */
    Decision take(String key, int cost) {
        if (!enabled()) {
            return new Granted();
        }
        if (cost > maxQueryCost) {
            return new OverMaximum(maxQueryCost);
        }
        Bucket bucket = buckets.compute(key, (ignored, before) -> refilled(before).taken(cost));
        if (bucket.granted()) {
            return new Granted();
        }
        return new Throttled((int) Math.max(1, Math.ceil((cost - bucket.available()) / restoreRate)));
    }

    /**
     * Charges a granted operation what it actually cost: gives back what it requested but did not use, and takes what
     * it used beyond (a plain list is priced at one element before it runs), so the budget may go below zero and the
     * next operation waits for the refill.
     */
    void settle(String key, int requested, int actual) {
        if (enabled() && actual != requested) {
            buckets.computeIfPresent(key, (ignored, bucket) -> bucket.plus(requested - actual, maximumAvailable));
        }
    }

    /** The budget of {@code key} now; empty when the budget is off. */
    Optional<Status> status(String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        Bucket bucket = buckets.compute(key, (ignored, before) -> refilled(before));
        return Optional.of(new Status(maximumAvailable, (int) Math.floor(bucket.available()), restoreRate));
    }

    private Bucket refilled(Bucket before) {
        long now = nanoTime.getAsLong();
        if (before == null) {
            return new Bucket(maximumAvailable, now, true);
        }
        return new Bucket(Math.min(maximumAvailable, before.available() + (now - before.at()) / 1e9 * restoreRate),
                now, before.granted());
    }

    /** Points left at {@code at}; {@code granted}: whether the last take found enough. */
    private record Bucket(double available, long at, boolean granted) {

        Bucket taken(int cost) {
            return available >= cost ? new Bucket(available - cost, at, true) : new Bucket(available, at, false);
        }

        Bucket plus(int points, int maximum) {
            return new Bucket(Math.min(maximum, available + points), at, granted);
        }
    }
}
