package jp.hyoka.server.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Issue 22, "flat cost as data grows": every wanted row measured again among each level's data set (10⁴ → 10⁶ events,
 * national), beside its figure alone. One data set grows level by level ({@link ScaleDataSet}); at each level every
 * harness runs as alone, but on a copy of the data set instead of an empty database (what "among N" means per row:
 * infra/bench/README.md).
 *
 * <p>Why each level measures alone again, back to back with the pass among the data (alternating which goes first):
 * on a shared machine the load drifts 10× within a sweep, and a product's latency and its ceiling's do not move
 * together (a busy CPU slows a command more than a durable INSERT), so a figure alone taken minutes earlier, even
 * divided by its own ceiling, said "not flat" or "faster among data" at random. Side by side, the two sides of each
 * level's comparison see the same machine.
 */
final class AtScalePass {

    private AtScalePass() {
    }

    /** {@code done} receives each level measured. */
    static List<BenchReport.AtScale> run(BenchRunner.Profile profile, List<BenchRunner.Scale> scales,
                                         Predicate<String> wanted, Consumer<String> progress,
                                         BenchRunner.ThrowingConsumer<BenchReport.AtScale> done) throws Exception {
        ScaleDataSet data = new ScaleDataSet();
        List<BenchReport.AtScale> levels = new ArrayList<>();
        for (BenchRunner.Scale scale : scales) {
            NationalLoader.Loaded loaded = data.growTo(scale.municipalities(), scale.history(), progress);
            long bytes = data.bytes();
            progress.accept(String.format(Locale.ROOT, "data set %s: %s, %,d MB", scale.name(), loaded,
                    bytes / (1024 * 1024)));
            Map<String, BenchResult> alone = new LinkedHashMap<>();
            Map<String, BenchResult> among = new LinkedHashMap<>();
            boolean aloneFirst = levels.size() % 2 == 0;
            long began = System.nanoTime();
            if (aloneFirst) {
                measureAlone(profile, wanted, alone, scale, progress);
            }
            data.copiedIntoEveryNewDatabase(() -> BenchRunner.measure(profile, BenchDatabase.create(profile.durable()),
                    wanted, among, BenchRunner.Among.data(loaded.eventsInStore()),
                    line -> progress.accept(scale.name() + ": " + line)));
            if (!aloneFirst) {
                measureAlone(profile, wanted, alone, scale, progress);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            List<BenchResult> measured = BenchRunner.inRowOrder(among);
            levels.add(new BenchReport.AtScale(scale.name(), loaded, bytes, took.toSeconds(), aloneFirst,
                    measured.stream().map(row -> alone.get(row.row())).toList(), measured));
            done.accept(levels.get(levels.size() - 1));
        }
        return levels;
    }

    private static void measureAlone(BenchRunner.Profile profile, Predicate<String> wanted,
                                     Map<String, BenchResult> alone, BenchRunner.Scale scale,
                                     Consumer<String> progress) throws Exception {
        BenchRunner.measure(profile, BenchDatabase.create(profile.durable()), wanted, alone,
                BenchRunner.Among.BESIDE_A_LEVEL, line -> progress.accept(scale.name() + ", alone beside it: " + line));
    }
}
