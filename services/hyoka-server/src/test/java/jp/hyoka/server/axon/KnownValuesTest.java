package jp.hyoka.server.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Remembered values read as parsing each text anew would: the same value for a text however often and in whatever
 * order it comes, the same failure for a text that does not parse (every time, also right after a good one), and
 * past the capacity as well.
 */
class KnownValuesTest {

    private static final ObjectMapper JSON = EventJson.objectMapper();

    @Test
    void givenTextsInAnyOrder_whenReadThroughKnownValues_thenTheSameOutcomeAsParsingEachAnew() {
        SplittableRandom random = new SplittableRandom(5);
        List<String> texts = new ArrayList<>(List.of("affair.name", "department.name", "Affair.name", "", " ",
                "affair..name", "a".repeat(121), "141305", "141306", "012041", "14130", "１４１３０５"));
        for (int i = 0; i < 50; i++) {
            texts.add("item-" + i + ".part");
            texts.add(UUID.randomUUID().toString());
        }
        texts.add(null);
        List<Function<String, ?>> parsers = List.of(ItemId::new, MunicipalityCode::new, ComponentId::new,
                text -> new AssessmentId(UUID.fromString(text)), text -> new ThreadId(UUID.fromString(text)));
        for (Function<String, ?> parse : parsers) {
            for (KnownValues<?> known : List.of(KnownValues.upTo(10, parse), KnownValues.lastOnly(parse),
                    KnownValues.upTo(1_000, parse))) {
                for (int i = 0; i < 5_000; i++) {
                    String text = texts.get(random.nextInt(texts.size()));

                    assertThat(outcome(known, text)).as(text).isEqualTo(outcome(parse, text));
                }
            }
        }
    }

    @Test
    void givenMoreTextsThanTheCapacity_whenRead_thenItKeepsNoMoreAndStillReadsEachRight() {
        KnownValues<ItemId> known = KnownValues.upTo(3, ItemId::new);

        for (int i = 0; i < 10; i++) {
            assertThat(known.apply("item.n" + i)).isEqualTo(new ItemId("item.n" + i));
        }
        assertThat(known.remembered()).isEqualTo(3);
    }

    /**
     * The capacity holds with many threads adding at once: a slot is taken before a text is added (checking the size
     * and then adding let each thread that checked before the others added pass, up to one text more per thread).
     */
    @Test
    void givenManyThreadsReadingNewTextsAtOnce_whenTheCapacityFills_thenNoMoreThanItIsKept() throws Exception {
        int threads = 8;
        int capacity = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 500; round++) {
                KnownValues<ItemId> known = KnownValues.upTo(capacity, ItemId::new);
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<?>> readers = new ArrayList<>();
                for (int thread = 0; thread < threads; thread++) {
                    int first = thread;
                    readers.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 2 * capacity; i++) {
                            String text = "item.t" + (first + i * threads) % (3 * capacity);
                            assertThat(known.apply(text)).isEqualTo(new ItemId(text));
                        }
                        return null;
                    }));
                }
                for (Future<?> reader : readers) {
                    reader.get();
                }

                assertThat(known.remembered()).as("round " + round).isEqualTo(capacity);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenTwoThreadsEachReadingItsOwnDocument_whenTheyAlternate_thenEachReadsItsOwnValues() throws Exception {
        KnownValues<AssessmentId> known = KnownValues.lastOnly(text -> new AssessmentId(UUID.fromString(text)));
        String mine = UUID.randomUUID().toString();
        String theirs = UUID.randomUUID().toString();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 100; i++) {
                assertThat(known.apply(mine)).isEqualTo(new AssessmentId(UUID.fromString(mine)));
                assertThat(other.submit(() -> known.apply(theirs)).get())
                        .isEqualTo(new AssessmentId(UUID.fromString(theirs)));
            }
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void givenEventsOfOneDocument_whenTheEventsMapperReadsThem_thenEachIsTheEventWritten() throws Exception {
        AssessmentId id = new AssessmentId(UUID.randomUUID());
        MunicipalityCode tenant = new MunicipalityCode("141305");
        for (int i = 0; i < 100; i++) {
            ItemAnswered event = new ItemAnswered(i % 7 == 0 ? new AssessmentId(UUID.randomUUID()) : id, tenant,
                    new ItemId("item.n" + i % 13), List.of(), null, new TextAnswer("回答 " + i), null,
                    new Actor("u-1", "山田"), Instant.parse("2026-12-07T06:00:00Z").plusSeconds(i));

            assertThat(JSON.readValue(JSON.writeValueAsBytes(event), ItemAnswered.class)).isEqualTo(event);
        }
        String wrong = "{\"assessmentId\":\"x\",\"tenant\":\"141306\",\"itemId\":\"A\"}";
        assertThat(catchThrowable(() -> JSON.readValue(wrong, ItemAnswered.class)))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The value, or the failure's type and message; a NullPointerException's type only: once its throw is hot, the
     * JIT may throw one preallocated without the helpful message, on one path and not the other.
     */
    private static Object outcome(Function<String, ?> parse, String text) {
        Object[] value = new Object[1];
        Throwable failure = catchThrowable(() -> value[0] = parse.apply(text));
        if (failure instanceof NullPointerException) {
            return List.of(failure.getClass());
        }
        return failure == null ? value[0] : List.of(failure.getClass(), String.valueOf(failure.getMessage()));
    }
}
