package jp.hyoka.server.axon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The values a string-valued domain type was read from, remembered: reading stored events parses the same texts
 * again and again (each event's tenant and assessment, the item ids of one form), and the domain validates each on
 * construction ({@code ItemId}'s id scheme is a regular expression, {@code MunicipalityCode} checks its check digit,
 * {@code AssessmentId} parses a UUID). In the CPU profile of reading a load's payloads those constructors were ~15 % of
 * the reading (BENCHMARKS.md row 5, infra/docs/history-benchmark.md).
 *
 * <p>Safe because each of these types is a record built from its text alone: the same text gives an equal value, so
 * an earlier one is as good as a new one. Only texts that parsed are remembered; a text that fails fails every time,
 * with the constructor's own exception. Two ways, by how many distinct texts there are: a type of bounded variety
 * (item ids of the forms, municipality codes, component ids) keeps up to {@code capacity} texts, then parses the rest
 * each time; a type of unbounded variety (assessment and thread ids) keeps only the last text of each thread, which
 * is what a load or a batch of one document's events meets again.
 */
final class KnownValues<T> implements Function<String, T> {

    private final Function<String, T> parse;
    private final int capacity;
    private final Map<String, T> known;
    /** Slots of {@link #known} taken: reserved before a text is added, so the map never holds more than capacity. */
    private final AtomicInteger taken = new AtomicInteger();
    /**
     * The last text read on each thread that missed the map: one thread's load or batch reads its own document's
     * texts again, and threads reading different documents then never write a field they share.
     */
    private final ThreadLocal<Known<T>> last = new ThreadLocal<>();

    private KnownValues(Function<String, T> parse, int capacity) {
        this.parse = parse;
        this.capacity = capacity;
        this.known = capacity > 0 ? new ConcurrentHashMap<>() : Map.of();
    }

    /** Up to {@code capacity} distinct texts remembered (and the last one of each thread). */
    static <T> KnownValues<T> upTo(int capacity, Function<String, T> parse) {
        return new KnownValues<>(parse, capacity);
    }

    /** Only the last text of each thread remembered. */
    static <T> KnownValues<T> lastOnly(Function<String, T> parse) {
        return new KnownValues<>(parse, 0);
    }

    @Override
    public T apply(String text) {
        if (text == null) {
            return parse.apply(null);
        }
        T value = known.get(text);
        if (value != null) {
            return value;           // a remembered text writes nothing
        }
        Known<T> previous = last.get();
        if (previous != null && previous.text().equals(text)) {
            return previous.value();
        }
        value = parse.apply(text);
        if (value != null && !remember(text, value)) {
            last.set(new Known<>(text, value));
        }
        return value;
    }

    /** Adds the text if a slot is free (a slot taken for a text another thread added first is given back). */
    private boolean remember(String text, T value) {
        int slots;
        do {
            slots = taken.get();
            if (slots >= capacity) {
                return false;
            }
        } while (!taken.compareAndSet(slots, slots + 1));
        if (known.putIfAbsent(text, value) != null) {
            taken.decrementAndGet();
        }
        return true;
    }

    /** How many texts are kept besides the last ones. */
    int remembered() {
        return known.size();
    }

    private record Known<T>(String text, T value) {
    }
}
