package jp.hyoka.server.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load's stream over the messages in hand ({@link LoadedStream}) answers as the stream a load got before: Axon's
 * concatenation of the snapshot's stream, the events' ({@code DomainEventStream.of} a list) and this unit of work's
 * staged events (none) — message by message, peek before and after each, at the end, and the last sequence number
 * before, during and after reading.
 */
class LoadedStreamTest {

    @Test
    void givenASnapshotAndEventsAfterIt_whenRead_thenAsAxonsConcatenationOfTheirStreams() {
        DomainEventMessage<?> snapshot = message(4, "snapshot");
        List<DomainEventMessage<?>> events = List.of(message(5, "e5"), message(6, "e6"), message(7, "e7"));
        List<DomainEventMessage<?>> all = new ArrayList<>(events);
        all.add(0, snapshot);

        assertSameReading(new LoadedStream(all), DomainEventStream.concat(DomainEventStream.concat(
                DomainEventStream.of(snapshot), DomainEventStream.of(events)), staged()));
    }

    @Test
    void givenEventsAlone_whenRead_thenAsAxonsConcatenationOfAnEmptySnapshotStreamAndThem() {
        List<DomainEventMessage<?>> events = List.of(message(0, "e0"), message(1, "e1"));

        assertSameReading(new LoadedStream(events), DomainEventStream.concat(DomainEventStream.concat(
                DomainEventStream.empty(), DomainEventStream.of(events)), staged()));
    }

    @Test
    void givenNothing_whenRead_thenEmptyWithoutALastSequenceNumberAsAxonsConcatenation() {
        assertSameReading(new LoadedStream(List.of()), DomainEventStream.concat(DomainEventStream.concat(
                DomainEventStream.empty(), DomainEventStream.of(List.of())), staged()));
    }

    private static DomainEventStream staged() {
        return DomainEventStream.of(Stream.<DomainEventMessage<?>>empty());
    }

    private static void assertSameReading(DomainEventStream loaded, DomainEventStream axons) {
        assertThat(loaded.getLastSequenceNumber()).isEqualTo(axons.getLastSequenceNumber());
        while (axons.hasNext()) {
            assertThat(loaded.hasNext()).isTrue();
            assertThat(loaded.peek()).isSameAs(axons.peek());
            assertThat(loaded.getLastSequenceNumber()).isEqualTo(axons.getLastSequenceNumber());
            assertThat(loaded.next()).isSameAs(axons.next());
        }
        assertThat(loaded.hasNext()).isFalse();
        assertThat(loaded.peek()).isNull();
        assertThat(axons.peek()).isNull();
        assertThat(loaded.next()).isNull();
        assertThat(axons.next()).isNull();
        assertThat(loaded.getLastSequenceNumber()).isEqualTo(axons.getLastSequenceNumber());
    }

    private static DomainEventMessage<?> message(long sequence, String payload) {
        return new GenericDomainEventMessage<>("AssessmentAggregate", "a-1", sequence, payload);
    }
}
