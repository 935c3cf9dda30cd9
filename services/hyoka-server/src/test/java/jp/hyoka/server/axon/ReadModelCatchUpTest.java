package jp.hyoka.server.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wait of read-your-writes on the node whose processor projects: its memory of projected sequences is a shortcut,
 * never the only way out — an aggregate it does not remember is asked of the read models, however busy the processor
 * is with other aggregates, and a rebuild's switch makes it forget.
 */
class ReadModelCatchUpTest {

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Assessment", aggregate, sequence, "payload");
    }

    /** Runs {@code wait} while this node's processor commits batches of another aggregate every 2 ms. */
    private static void whileBusyWithOthers(ReadModelCatchUp catchUp, Runnable wait) throws InterruptedException {
        AtomicBoolean busy = new AtomicBoolean(true);
        Thread batches = new Thread(() -> {
            for (long sequence = 1; busy.get(); sequence++) {
                catchUp.batchCommitted(List.of(event("other", sequence)));
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        batches.start();
        try {
            wait.run();
        } finally {
            busy.set(false);
            batches.join();
        }
    }

    @Test
    void givenTheProcessorBusyWithOtherAggregates_whenAnUnrememberedOneIsAwaited_thenTheReadModelsAreAskedAndAnswer()
            throws Exception {
        ReadModelCatchUp catchUp = new ReadModelCatchUp(null, Duration.ofSeconds(1));
        catchUp.batchCommitted(List.of(event("other", 0)));             // this node projects
        whileBusyWithOthers(catchUp, () -> {
            AtomicInteger asked = new AtomicInteger();

            boolean readable = catchUp.await(() -> asked.incrementAndGet() > 0, "evicted-or-projected-before", 41);

            assertThat(readable).isTrue();
            assertThat(asked).hasValue(1);
        });
    }

    @Test
    void givenBatchesThatNeverProjectTheAwaitedEvent_whenTheWaitLasts_thenTheReadModelsAreAskedLessAndLessOften()
            throws Exception {
        ReadModelCatchUp catchUp = new ReadModelCatchUp(null, Duration.ofSeconds(1));
        catchUp.batchCommitted(List.of(event("awaited", 3)));             // remembered, behind the awaited event
        whileBusyWithOthers(catchUp, () -> {
            AtomicInteger asked = new AtomicInteger();

            boolean readable = catchUp.await(() -> asked.incrementAndGet() < 0, "awaited", 7);

            assertThat(readable).isFalse();
            // Fall-backs after 50, 100, 200, 400 ms (+ scheduling) and one at the deadline: a fixed 50 ms would have
            // asked ~20 times.
            assertThat(asked.get()).isBetween(1, 7);
        });
    }

    @Test
    void givenTheRevisionReadableOnlyAfterTheLastFallBack_whenTheWaitReachesItsDeadline_thenOneLastQuestionFindsIt()
            throws Exception {
        ReadModelCatchUp catchUp = new ReadModelCatchUp(null, Duration.ofSeconds(1));
        catchUp.batchCommitted(List.of(event("awaited", 3)));             // remembered, behind the awaited event
        whileBusyWithOthers(catchUp, () -> {
            long readableFrom = System.nanoTime() + Duration.ofMillis(900).toNanos();   // after the 750 ms fall-back

            boolean readable = catchUp.await(() -> System.nanoTime() >= readableFrom, "awaited", 7);

            assertThat(readable).isTrue();
        });
    }

    @Test
    void givenARememberedSequence_whenTheReadModelsAreSwappedIn_thenTheWaitAsksThemInsteadOfTrustingTheMemory() {
        ReadModelCatchUp catchUp = new ReadModelCatchUp(null, Duration.ofMillis(300));
        catchUp.batchCommitted(List.of(event("a-1", 7)));
        assertThat(catchUp.await(() -> false, "a-1", 7)).as("remembered: no question asked").isTrue();

        catchUp.forgetProjected();

        assertThat(catchUp.await(() -> false, "a-1", 7)).as("the swapped-in tables do not show it yet").isFalse();
        assertThat(catchUp.await(() -> true, "a-1", 7)).isTrue();
    }
}
