package jp.hyoka.server.integration;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The ranges a relay read takes: every position but those sent and not yet marked. */
class SentRowsTest {

    @Test
    void givenNothingSent_whenTheRangesAreAskedFor_thenTheyAreEveryPosition() {
        assertThat(ranges(new SentRows())).containsExactly(Long.MIN_VALUE + ".." + Long.MAX_VALUE);
    }

    @Test
    void givenConsecutiveBatchesInFlight_whenTheRangesAreAskedFor_thenTheyAreBelowAndAboveThem() {
        SentRows sent = new SentRows();
        sent.add(rows(LongStream.rangeClosed(11, 17)));
        sent.add(rows(LongStream.rangeClosed(18, 24)));

        assertThat(ranges(sent)).containsExactly(Long.MIN_VALUE + "..10", "25.." + Long.MAX_VALUE);
    }

    @Test
    void givenAPositionSkippedBetweenSentRows_whenTheRangesAreAskedFor_thenItIsReadAgain() {
        SentRows sent = new SentRows();
        sent.add(rows(LongStream.of(5, 6, 9, 10, 12)));       // 7, 8 and 11 were not visible when their neighbours were

        assertThat(ranges(sent)).containsExactly(Long.MIN_VALUE + "..4", "7..8", "11..11", "13.." + Long.MAX_VALUE);
    }

    @Test
    void givenAMarkedBatch_whenItIsForgotten_thenOnlyTheOthersAreLeftOut() {
        SentRows sent = new SentRows();
        List<OutboxRow> first = rows(LongStream.rangeClosed(1, 3));
        sent.add(first);
        sent.add(rows(LongStream.rangeClosed(4, 6)));

        sent.forget(first);

        assertThat(ranges(sent)).containsExactly(Long.MIN_VALUE + "..3", "7.." + Long.MAX_VALUE);
    }

    @Test
    void givenAnAttemptThatFailed_whenTheRowsAreCleared_thenEverythingIsReadAgain() {
        SentRows sent = new SentRows();
        sent.add(rows(LongStream.rangeClosed(1, 3)));

        sent.clear();

        assertThat(ranges(sent)).containsExactly(Long.MIN_VALUE + ".." + Long.MAX_VALUE);
    }

    private static List<String> ranges(SentRows sent) {
        SentRows.Unsent unsent = sent.unsent();
        assertThat(unsent.from()).hasSameSizeAs(unsent.to());
        return IntStream.range(0, unsent.from().length).mapToObj(i -> unsent.from()[i] + ".." + unsent.to()[i]).toList();
    }

    private static List<OutboxRow> rows(LongStream positions) {
        return Arrays.stream(positions.toArray()).mapToObj(position -> new OutboxRow(position, UUID.randomUUID(),
                "topic", "key", "type", "source", "subject", "schema", "141305", Instant.EPOCH, new byte[0])).toList();
    }
}
