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

    @Test
    void givenTwoAnonymousAddresses_whenOneSpendsItsBudget_thenOnlyItIsThrottledWithTheSecondsToWait() {
        CostBudget anonymous = new CostBudget(100, 10, 60, 20, 2, 100, now::get);
        String scraper = CostBudget.addressKey("198.51.100.7");
        String resident = CostBudget.addressKey("203.0.113.9");

        assertThat(anonymous.take(scraper, 20)).isEqualTo(new CostBudget.Granted());
        assertThat(anonymous.take(scraper, 5)).isEqualTo(new CostBudget.Throttled(3));
        assertThat(anonymous.take(resident, 20)).isEqualTo(new CostBudget.Granted());
        assertThat(anonymous.status(scraper).orElseThrow()).isEqualTo(new CostBudget.Status(20, 0, 2));
        assertThat(anonymous.take("municipality:141305", 60)).as("the municipalities' budgets are apart")
                .isEqualTo(new CostBudget.Granted());
        assertThat(anonymous.take(scraper, 21)).as("more than an address's whole budget")
                .isEqualTo(new CostBudget.OverMaximum(20));
    }

    @Test
    void givenOneIpv6Network_whenItsHostsTakeTurns_thenTheyShareOneBudget() {
        CostBudget anonymous = new CostBudget(100, 10, 60, 20, 2, 100, now::get);

        assertThat(anonymous.take(CostBudget.addressKey("2001:db8:1:2::1"), 20)).isEqualTo(new CostBudget.Granted());
        assertThat(anonymous.take(CostBudget.addressKey("2001:db8:1:2::ffff"), 1))
                .isInstanceOf(CostBudget.Throttled.class);
        assertThat(anonymous.take(CostBudget.addressKey("2001:db8:1:3::1"), 1)).isEqualTo(new CostBudget.Granted());
    }

    @Test
    void givenManyAnonymousAddresses_whenEachSpends_thenTheBudgetsKeptStayBoundedOldestDroppedFirst() {
        CostBudget anonymous = new CostBudget(100, 10, 60, 20, 2, 100, now::get);
        String first = CostBudget.addressKey("10.0.0.0");
        anonymous.take(first, 20);

        for (int i = 1; i < 10_000; i++) {
            now.addAndGet(1_000);                   // a microsecond apart: none is full again
            assertThat(anonymous.take(CostBudget.addressKey("10.0." + (i / 256) + "." + (i % 256)), 1))
                    .isEqualTo(new CostBudget.Granted());
            assertThat(anonymous.addresses()).isLessThanOrEqualTo(101);
        }

        assertThat(anonymous.take(first, 20)).as("the oldest was dropped: it starts full again")
                .isEqualTo(new CostBudget.Granted());
    }

    @Test
    void givenIdleAnonymousAddresses_whenTheBoundIsPassed_thenTheFullOnesAreDroppedAndTheSpentOnesKept() {
        CostBudget anonymous = new CostBudget(100, 10, 60, 20, 2, 100, now::get);
        String spender = CostBudget.addressKey("192.0.2.1");
        for (int i = 0; i < 100; i++) {
            anonymous.take(CostBudget.addressKey("198.51.100." + i), 1);
        }
        now.addAndGet(SECOND);                     // the 1-point takers are full again; the spender not
        anonymous.take(spender, 20);
        anonymous.take(CostBudget.addressKey("203.0.113.1"), 1);
        anonymous.take(CostBudget.addressKey("203.0.113.2"), 1);

        assertThat(anonymous.addresses()).isLessThan(10);
        assertThat(anonymous.take(spender, 5)).isInstanceOf(CostBudget.Throttled.class);
    }
}
