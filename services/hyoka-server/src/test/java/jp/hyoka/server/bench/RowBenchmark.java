package jp.hyoka.server.bench;

/**
 * A row the runner does not measure itself, plugged in by another harness (row 5, aggregate load on a cache miss,
 * belongs to the snapshots work): a class implementing this, listed in
 * {@code src/test/resources/META-INF/services/jp.hyoka.server.bench.RowBenchmark}, is found by {@link BenchRunner}
 * and its result replaces the row's "not yet". It gets the run's profile and the benchmark's database (which already
 * holds the other rows' data) and must measure its ceiling in the same way: interleaved, median of ≥ 3 rounds.
 */
public interface RowBenchmark {

    /** The row it measures, as BENCHMARKS.md numbers it ("5"). */
    String row();

    BenchResult run(BenchRunner.Profile profile, BenchDatabase database) throws Exception;
}
