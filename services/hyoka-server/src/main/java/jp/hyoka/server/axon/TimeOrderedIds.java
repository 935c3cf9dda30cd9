package jp.hyoka.server.axon;

import jp.hyoka.domain.assessment.AssessmentId;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then randomness. Time-ordered ids keep index inserts local,
 * which BENCHMARKS.md measured as 21–28 % cheaper than random UUIDs on the event table.
 */
public final class TimeOrderedIds {

    private static final SecureRandom SEEDS = new SecureRandom();
    /** Per thread: a generator seeded once from {@link SecureRandom}, so threads and nodes draw independent bits. */
    private static final ThreadLocal<SplittableRandom> PER_THREAD =
            ThreadLocal.withInitial(() -> new SplittableRandom(SEEDS.nextLong()));

    private final RandomGenerator random;
    private final Clock clock;

    /** Ids whose random bits come from {@link SecureRandom} (unpredictable: assessment ids, which users see). */
    public TimeOrderedIds(Clock clock) {
        this(clock, new SecureRandom());
    }

    private TimeOrderedIds(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * Ids that must be unique but need not be unpredictable (Axon's message and event identifiers): the random bits
     * from a per-thread generator seeded from {@link SecureRandom}, without SecureRandom's lock, read and digest per
     * id (0.5–4 µs an id on a busy 2-core machine; a tracking processor makes one per event it handles, a command
     * several: BENCHMARKS.md rows 5 and 6).
     */
    public static TimeOrderedIds unique(Clock clock) {
        return new TimeOrderedIds(clock, () -> PER_THREAD.get().nextLong());
    }

    public AssessmentId nextAssessmentId() {
        return new AssessmentId(next());
    }

    public UUID next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long mostSignificant = (millis << 16) | (0x7L << 12) | randA;
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
