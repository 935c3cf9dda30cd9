package jp.hyoka.server.graphql;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * A bucket per anonymous client address, bounded: an IPv6 address counts by its /64, an IPv4 address whole
 * ({@link #key}). Past {@code maximum} addresses, the first caller to notice drops the idle ones (buckets full again:
 * dropping them changes nothing) and, if that is not enough, the least recently used half, so memory never grows
 * with the number of addresses a scraper can use (fail open: a dropped address starts full). {@link RequestQuota}'s
 * per-address share and {@link CostBudget}'s per-address budget both keep their buckets here.
 *
 * @param <B> the bucket; immutable, replaced on every use
 */
final class AddressBuckets<B> {

    /** Addresses kept at once by default. */
    static final int MAX_ADDRESSES = 10_000;
    private static final java.util.regex.Pattern IPV6_LITERAL = java.util.regex.Pattern.compile(
            "[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final int maximum;
    private final Predicate<B> idle;
    private final ToLongFunction<B> lastUsed;
    private final ConcurrentMap<String, B> buckets = new ConcurrentHashMap<>();
    /** One caller at a time clears idle addresses; the others go on meanwhile. */
    private final AtomicBoolean forgetting = new AtomicBoolean();

    /**
     * @param idle     whether a bucket is full again now (its address may be forgotten)
     * @param lastUsed when a bucket was last used ({@link System#nanoTime} scale), to drop the oldest first
     */
    AddressBuckets(int maximum, Predicate<B> idle, ToLongFunction<B> lastUsed) {
        this.maximum = Math.max(1, maximum);
        this.idle = idle;
        this.lastUsed = lastUsed;
    }

    /** Replaces the address's bucket (null: none yet) by {@code update}'s, and returns it. */
    B update(String address, UnaryOperator<B> update) {
        if (buckets.size() > maximum && forgetting.compareAndSet(false, true)) {
            try {
                forget();
            } finally {
                forgetting.set(false);
            }
        }
        return buckets.compute(key(address), (ignored, before) -> update.apply(before));
    }

    /** Replaces the address's bucket if it has one. */
    void updateIfPresent(String address, UnaryOperator<B> update) {
        buckets.computeIfPresent(key(address), (ignored, before) -> update.apply(before));
    }

    int size() {
        return buckets.size();
    }

    /**
     * The key of an address's bucket: an IPv6 address by its /64 (one subscriber's network, whose hosts are as many
     * as a scraper wants), an IPv4 address whole.
     */
    static String key(String address) {
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

    private void forget() {
        buckets.values().removeIf(idle);
        if (buckets.size() > maximum) {
            buckets.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparingLong(lastUsed)))
                    .limit(buckets.size() / 2).map(Map.Entry::getKey).toList().forEach(buckets::remove);
        }
    }
}
