package jp.hyoka.server.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WakeableEventStreamTest {

    /**
     * What Axon's private stream does once it has run dry: it sleeps the whole timeout asked for, whatever is appended
     * meanwhile, and sees an event only when asked again.
     */
    private static final class DrySleepingStream implements TrackingEventStream {
        volatile boolean appended;
        volatile int asks;

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            asks++;
            if (appended) {
                return true;
            }
            unit.sleep(timeout);
            return false;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return appended ? Optional.of(event()) : Optional.empty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return event();
        }

        @Override
        public void close() {
        }

        private static TrackedEventMessage<?> event() {
            return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(1),
                    GenericEventMessage.asEventMessage("appended"));
        }
    }

    @Test
    void givenAStreamThatSleepsItsTimeout_whenAnAppendIsSignalled_thenTheWaitEndsWithTheEventInMilliseconds()
            throws Exception {
        DrySleepingStream axon = new DrySleepingStream();
        WakeableEventStream.Appends appends = new WakeableEventStream.Appends();
        WakeableEventStream stream = new WakeableEventStream(axon, appends);
        long began = System.nanoTime();
        CompletableFuture<Boolean> available = CompletableFuture.supplyAsync(() -> {
            try {
                return stream.hasNextAvailable(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(150);
        axon.appended = true;
        appends.signal();

        assertThat(available.get(2, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).isLessThan(1_000);
    }

    @Test
    void givenNoAppend_whenWaiting_thenItAnswersFalseAtTheTimeoutAndAsksOnlyEveryPollInterval() throws Exception {
        DrySleepingStream axon = new DrySleepingStream();
        WakeableEventStream stream = new WakeableEventStream(axon, new WakeableEventStream.Appends());
        long began = System.nanoTime();

        assertThat(stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)).isFalse();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertThat(took).isBetween(450L, 1_000L);
        // one ask per ASK_MILLIS + POLL_MILLIS at most (and one last ask at the end)
        assertThat(axon.asks).isLessThanOrEqualTo(500 / (int) (WakeableEventStream.ASK_MILLIS
                + WakeableEventStream.POLL_MILLIS) + 2);
    }

    @Test
    void givenAnEventAlreadyThere_whenAsked_thenItAnswersAtOnce() throws Exception {
        DrySleepingStream axon = new DrySleepingStream();
        axon.appended = true;
        WakeableEventStream stream = new WakeableEventStream(axon, new WakeableEventStream.Appends());

        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.peek()).isPresent();
    }
}
