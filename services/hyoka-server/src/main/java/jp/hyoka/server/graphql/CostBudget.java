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
import java.util.function.UnaryOperator;

/**
 * Each municipality's cost budget ({@code hyoka.limits.cost}), a leaky bucket in Shopify's terms: it holds at most
 * {@code maximum-available} points and refills at {@code restore-rate} points a second. An operation takes its
 * requested cost before it runs and gets back what it did not use once its actual cost is known; one that needs more
 * than is left is refused (THROTTLED, with the seconds until it would fit), one that costs more than
 * {@code max-query-cost} is refused whatever is left (MAX_COST_EXCEEDED). Keyed as {@link RequestQuota} is (a
 * municipality, or a platform operator's user); an anonymous caller of /graphql/public has a budget per client
 * address ({@link #addressKey}: IPv6 by /64, in {@link AddressBuckets}, bounded as RequestQuota's addresses are) of
 * {@code public-maximum-available-per-address} points refilled at {@code public-restore-rate-per-address}, so one
 * scraper spends only its own. Kept in memory per node, like the rate limit: behind a load balancer over N nodes a
 * municipality gets up to N times the budget. A restore rate of 0 turns both refusals off (the cost is still
 * reported): {@code restore-rate} for every budget, {@code public-restore-rate-per-address} for the anonymous ones.
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

    /** Budget keys of anonymous callers begin so; the rest is the client's address. */
    private static final String ADDRESS = "address:";

    /** A budget's size and refill rate, and the largest operation it serves at once. */
    private record Rate(int maximumAvailable, double restoreRate, int maxQueryCost) {
    }

    private final Rate keyed;
    private final Rate perAddress;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AddressBuckets<Bucket> addresses;

    @Inject
    public CostBudget(@Value("${hyoka.limits.cost.maximum-available:1000}") int maximumAvailable,
                      @Value("${hyoka.limits.cost.restore-rate:50}") double restoreRate,
                      @Value("${hyoka.limits.cost.max-query-cost:1000}") int maxQueryCost,
                      @Value("${hyoka.limits.cost.public-maximum-available-per-address:200}") int perAddressAvailable,
                      @Value("${hyoka.limits.cost.public-restore-rate-per-address:10}") double perAddressRate) {
        this(maximumAvailable, restoreRate, maxQueryCost, perAddressAvailable, perAddressRate,
                AddressBuckets.MAX_ADDRESSES, System::nanoTime);
    }

    CostBudget(int maximumAvailable, double restoreRate, int maxQueryCost, int perAddressAvailable,
               double perAddressRate, int maxAddresses, LongSupplier nanoTime) {
        this.keyed = rate(maximumAvailable, restoreRate, maxQueryCost);
        this.perAddress = rate(perAddressAvailable, perAddressRate, maxQueryCost);
        this.nanoTime = nanoTime;
        this.addresses = new AddressBuckets<>(maxAddresses,
                bucket -> refilled(bucket, perAddress).available() >= perAddress.maximumAvailable(), Bucket::at);
    }

    /** The municipal budget alone, anonymous callers with the defaults' per-address budget. */
    CostBudget(int maximumAvailable, double restoreRate, int maxQueryCost, LongSupplier nanoTime) {
        this(maximumAvailable, restoreRate, maxQueryCost, 200, 10, AddressBuckets.MAX_ADDRESSES, nanoTime);
    }

    private static Rate rate(int maximumAvailable, double restoreRate, int maxQueryCost) {
        int maximum = Math.max(1, maximumAvailable);
        return new Rate(maximum, restoreRate, Math.min(Math.max(1, maxQueryCost), maximum));
    }

    /** The budget key of an anonymous caller at {@code address} (as Micronaut resolved it). */
    static String addressKey(String address) {
        return ADDRESS + (address == null ? "" : address);
    }

    boolean enabled() {
        return keyed.restoreRate() > 0;
    }

    /** Takes {@code cost} from {@code key}'s budget if it fits; takes nothing otherwise. */
    Decision take(String key, int cost) {
        Rate rate = rateOf(key);
        if (!enabled() || rate.restoreRate() <= 0) {
            return new Granted();
        }
        if (cost > rate.maxQueryCost()) {
            return new OverMaximum(rate.maxQueryCost());
        }
        Bucket bucket = update(key, before -> refilled(before, rate).taken(cost));
        if (bucket.granted()) {
            return new Granted();
        }
        return new Throttled((int) Math.max(1, Math.ceil((cost - bucket.available()) / rate.restoreRate())));
    }

    /** How many anonymous addresses have a budget now (bounded by {@link AddressBuckets}). */
    int addresses() {
        return addresses.size();
    }

    /**
     * Charges a granted operation what it actually cost: gives back what it requested but did not use, and takes what
     * it used beyond (a plain list is priced at one element before it runs), so the budget may go below zero and the
     * next operation waits for the refill.
     */
    void settle(String key, int requested, int actual) {
        Rate rate = rateOf(key);
        if (enabled() && rate.restoreRate() > 0 && actual != requested) {
            UnaryOperator<Bucket> refund = bucket -> bucket.plus(requested - actual, rate.maximumAvailable());
            if (key.startsWith(ADDRESS)) {
                addresses.updateIfPresent(key.substring(ADDRESS.length()), refund);
            } else {
                buckets.computeIfPresent(key, (ignored, bucket) -> refund.apply(bucket));
            }
        }
    }

    /** The budget of {@code key} now; empty when the budget is off. */
    Optional<Status> status(String key) {
        Rate rate = rateOf(key);
        if (!enabled() || rate.restoreRate() <= 0) {
            return Optional.empty();
        }
        Bucket bucket = update(key, before -> refilled(before, rate));
        return Optional.of(new Status(rate.maximumAvailable(), (int) Math.floor(bucket.available()),
                rate.restoreRate()));
    }

    private Rate rateOf(String key) {
        return key.startsWith(ADDRESS) ? perAddress : keyed;
    }

    private Bucket update(String key, UnaryOperator<Bucket> update) {
        return key.startsWith(ADDRESS) ? addresses.update(key.substring(ADDRESS.length()), update)
                : buckets.compute(key, (ignored, before) -> update.apply(before));
    }

    private Bucket refilled(Bucket before, Rate rate) {
        long now = nanoTime.getAsLong();
        if (before == null) {
            return new Bucket(rate.maximumAvailable(), now, true);
        }
        return new Bucket(Math.min(rate.maximumAvailable(),
                before.available() + (now - before.at()) / 1e9 * rate.restoreRate()), now, before.granted());
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
