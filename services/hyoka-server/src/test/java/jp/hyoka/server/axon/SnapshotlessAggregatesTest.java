package jp.hyoka.server.axon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memo of aggregates found without a snapshot: only short streams are remembered, a snapshot this node stores
 * (or a long read) forgets the aggregate, a lookup that raced with a forget is not remembered, and the memo stays
 * within its capacity. (That a stale entry folds the same state: SnapshotsOfOtherNodesIT.)
 */
class SnapshotlessAggregatesTest {

    @Test
    void givenALookupThatFoundNoSnapshotAndAShortStream_whenRemembered_thenTheAggregateIsKnown() {
        SnapshotlessAggregates memo = new SnapshotlessAggregates();

        memo.remember("a", SnapshotlessAggregates.SHORT_STREAM - 1, memo.since());

        assertThat(memo.known("a")).isTrue();
        assertThat(memo.known("b")).isFalse();
    }

    @Test
    void givenAStreamOfTheShortLimitOrLonger_whenRemembered_thenItIsNotKnown() {
        SnapshotlessAggregates memo = new SnapshotlessAggregates();

        memo.remember("a", SnapshotlessAggregates.SHORT_STREAM, memo.since());

        assertThat(memo.known("a")).isFalse();
    }

    @Test
    void givenAKnownAggregate_whenForgotten_thenItIsNotKnownAndOthersStay() {
        SnapshotlessAggregates memo = new SnapshotlessAggregates();
        memo.remember("a", 10, memo.since());
        memo.remember("b", 10, memo.since());

        memo.forget("a");

        assertThat(memo.known("a")).isFalse();
        assertThat(memo.known("b")).isTrue();
    }

    @Test
    void givenAForgetWhileALookupRan_whenTheLookupRemembers_thenTheAggregateIsNotKnown() {
        SnapshotlessAggregates memo = new SnapshotlessAggregates();
        long lookupBegan = memo.since();

        memo.forget("a");                   // this node stored a snapshot of it while the lookup read none
        memo.remember("a", 10, lookupBegan);

        assertThat(memo.known("a")).isFalse();
        memo.remember("a", 10, memo.since());
        assertThat(memo.known("a")).as("a lookup after the forget remembers it").isTrue();
    }

    @Test
    void givenAFullMemo_whenAnotherIsRemembered_thenItStartsAgainWithinItsCapacity() {
        SnapshotlessAggregates memo = new SnapshotlessAggregates(3);
        for (String id : new String[] {"a", "b", "c"}) {
            memo.remember(id, 1, memo.since());
        }

        memo.remember("d", 1, memo.since());

        assertThat(memo.size()).isEqualTo(1);
        assertThat(memo.known("d")).isTrue();
        assertThat(memo.known("a")).isFalse();
    }
}
