package jp.hyoka.server.axon;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** UUIDv7 as RFC 9562 lays it out: 48 bits of Unix milliseconds, version 7, variant 10, then randomness. */
class TimeOrderedIdsTest {

    private static final Instant NOW = Instant.parse("2025-04-01T09:30:00.123Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static List<UUID> ids(Clock clock, int count) {
        TimeOrderedIds ids = new TimeOrderedIds(clock);
        return Stream.generate(ids::next).limit(count).toList();
    }

    @Test
    void givenAnyClock_whenNext_thenVersion7AndVariant10() {
        assertThat(ids(CLOCK, 200)).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat((id.getMostSignificantBits() >>> 12) & 0xF).isEqualTo(7);
            assertThat(id.getLeastSignificantBits() >>> 62).isEqualTo(0b10);
            assertThat(id.variant()).isEqualTo(2);
        });
    }

    @Test
    void givenFixedClock_whenNext_thenAllShareThe48BitMillisecondPrefix() {
        assertThat(ids(CLOCK, 200)).allSatisfy(id ->
                assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli()));
    }

    @Test
    void givenFixedClock_whenNext_thenIdsDiffer() {
        assertThat(ids(CLOCK, 200)).doesNotHaveDuplicates();
    }

    @Test
    void givenLaterClock_whenNext_thenEveryIdSortsAfterEveryEarlierOne() {
        Clock oneMilliLater = Clock.offset(CLOCK, Duration.ofMillis(1));
        List<UUID> earlier = ids(CLOCK, 100);
        List<UUID> later = ids(oneMilliLater, 100);

        for (UUID before : earlier) {
            assertThat(later).allSatisfy(after -> assertThat(
                    Long.compareUnsigned(after.getMostSignificantBits(), before.getMostSignificantBits()))
                    .as("%s sorts after %s", after, before).isPositive());
        }
    }

    @Test
    void givenFixedClock_whenNextAssessmentId_thenWrapsATimeOrderedId() {
        UUID id = new TimeOrderedIds(CLOCK).nextAssessmentId().value();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void givenUniqueIds_whenNext_thenVersion7Variant10AndTheMillisecondPrefix() {
        TimeOrderedIds ids = TimeOrderedIds.unique(CLOCK);

        assertThat(Stream.generate(ids::next).limit(200).toList()).doesNotHaveDuplicates().allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
        });
    }

    @Test
    void givenManyThreadsInOneMillisecond_whenUniqueIdsDrawn_thenNoTwoAreEqual() throws Exception {
        TimeOrderedIds ids = TimeOrderedIds.unique(CLOCK);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<UUID>>> drawn = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                drawn.add(threads.submit(() -> Stream.generate(ids::next).limit(20_000).toList()));
            }
            Set<UUID> all = new HashSet<>();
            for (Future<List<UUID>> some : drawn) {
                all.addAll(some.get());
            }
            assertThat(all).hasSize(8 * 20_000);
        } finally {
            threads.shutdownNow();
        }
    }
}
