package jp.hyoka.server.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Row 4's warm-up rule ({@link JitWarmUp.Policy}): when the batches stop, and how big the last one is. */
class JitWarmUpPolicyTest {

    private final JitWarmUp.Policy policy = new JitWarmUp.Policy(24, 600, 8, 0.05, 2);

    @Test
    void givenTwoCalmBatchesInARow_whenTheMinimumIsReached_thenTheWarmUpStopsCalm() {
        assertThat(policy.decide(32, List.of(0.40, 0.20, 0.04, 0.03))).isEqualTo(JitWarmUp.Stop.CALM);
    }

    @Test
    void givenTwoCalmBatches_whenTheMinimumIsNotReached_thenItGoesOn() {
        assertThat(policy.decide(16, List.of(0.01, 0.02))).isEqualTo(JitWarmUp.Stop.CONTINUE);
    }

    @Test
    void givenACalmBatchAfterABusyOne_whenPastTheMinimum_thenItGoesOn() {
        assertThat(policy.decide(40, List.of(0.02, 0.30, 0.01))).isEqualTo(JitWarmUp.Stop.CONTINUE);
        assertThat(policy.decide(40, List.of(0.01, 0.06))).isEqualTo(JitWarmUp.Stop.CONTINUE);
    }

    @Test
    void givenABatchAtExactlyTheShare_whenJudged_thenItCountsAsCalm() {
        assertThat(policy.decide(24, List.of(0.05, 0.05))).isEqualTo(JitWarmUp.Stop.CALM);
    }

    @Test
    void givenTheCompilersStillBusy_whenTheMaximumIsReached_thenItStopsAtTheMaximum() {
        assertThat(policy.decide(600, List.of(0.30, 0.20))).isEqualTo(JitWarmUp.Stop.MAXIMUM);
        assertThat(policy.decide(600, List.of(0.30, 0.02, 0.01))).isEqualTo(JitWarmUp.Stop.CALM);
    }

    @Test
    void givenTheMaximumNotAMultipleOfTheBatch_whenTheLastBatchComes_thenItIsCutToTheMaximum() {
        JitWarmUp.Policy odd = new JitWarmUp.Policy(4, 10, 4, 0.05, 2);

        assertThat(odd.nextBatch(0)).isEqualTo(4);
        assertThat(odd.nextBatch(8)).isEqualTo(2);
    }

    @Test
    void givenAMaximumBelowTheMinimumOrNoBatch_whenMade_thenItIsRefused() {
        assertThatThrownBy(() -> new JitWarmUp.Policy(24, 8, 8, 0.05, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JitWarmUp.Policy(24, 600, 0, 0.05, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTheRowsOptions_whenParsed_thenWarmupIsTheMinimumAndTheRestHasDefaults() {
        JitWarmUp.Policy parsed = ImportBenchmark.Options.parse("--warmup", "24", "--clients", "2,1").warmUp();

        assertThat(parsed).isEqualTo(new JitWarmUp.Policy(24, 600, 8, 0.05, 2));
        assertThat(ImportBenchmark.Options.parse("--warmup", "4", "--warmup-max", "48", "--warmup-batch", "4")
                .warmUp()).isEqualTo(new JitWarmUp.Policy(4, 48, 4, 0.05, 2));
    }

    @Test
    void givenThisJvm_whenSampled_thenItsCompilerThreadsAreFoundAndTheirCpuNeverGoesBack() {
        JitCpu.Sample first = JitCpu.now();
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += Integer.toString(i).hashCode();          // something for the JIT to compile
        }
        JitCpu.Spent spent = JitCpu.now().since(first);

        assertThat(first.compilerNanosByThread()).as("compiler threads (sum %d)", sum).isNotEmpty();
        assertThat(spent.compilerNanos()).isNotNegative().isLessThanOrEqualTo(spent.processNanos());
        assertThat(JitCpu.isCompiler("C2 CompilerThre")).isTrue();
        assertThat(JitCpu.isCompiler("C1 CompilerThre")).isTrue();
        assertThat(JitCpu.isCompiler("VM Thread")).isFalse();
    }
}
