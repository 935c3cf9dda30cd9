package jp.hyoka.server.graphql;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CostBudgetTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final CostBudget budget = new CostBudget(100, 10, 60, now::get);

    @Test
    void givenAnOperationOverTheMaximum_whenTaken_thenRefusedAndNothingIsTaken() {
        assertThat(budget.take("k", 61)).isEqualTo(new CostBudget.OverMaximum(60));
        assertThat(budget.status("k").orElseThrow().currentlyAvailable()).isEqualTo(100);
    }

    @Test
    void givenASpentBudget_whenMoreIsAsked_thenThrottledForTheSecondsItTakesToRefill() {
        assertThat(budget.take("k", 60)).isEqualTo(new CostBudget.Granted());

        assertThat(budget.take("k", 55)).isEqualTo(new CostBudget.Throttled(2));
        assertThat(budget.take("other", 55)).isEqualTo(new CostBudget.Granted());

        now.addAndGet(2 * SECOND);
        assertThat(budget.take("k", 55)).isEqualTo(new CostBudget.Granted());
        now.addAndGet(60 * SECOND);
        assertThat(budget.status("k").orElseThrow().currentlyAvailable()).isEqualTo(100);
    }

    @Test
    void givenAnOperationThatUsedLessThanItAsked_whenSettled_thenTheRestIsGivenBack() {
        budget.take("k", 50);

        budget.settle("k", 50, 20);

        assertThat(budget.status("k").orElseThrow().currentlyAvailable()).isEqualTo(100 - 50 + 30);
    }

    @Test
    void givenAnOperationThatUsedMoreThanItAsked_whenSettled_thenTheRestIsTakenAndTheNextWaitsForTheRefill() {
        budget.take("k", 50);

        budget.settle("k", 50, 140);

        assertThat(budget.status("k").orElseThrow().currentlyAvailable()).isEqualTo(100 - 140);
        assertThat(budget.take("k", 1)).isInstanceOf(CostBudget.Throttled.class);
    }

    @Test
    void givenARestoreRateOfZero_whenAnythingIsAsked_thenGrantedAndNoStatusIsReported() {
        CostBudget off = new CostBudget(1, 0, 1, now::get);

        assertThat(off.take("k", 1_000_000)).isEqualTo(new CostBudget.Granted());
        assertThat(off.status("k")).isEmpty();
    }
}
