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
 */
final class AtScalePass {

    private AtScalePass() {
    }

    /** {@code alone}: the rows' figures alone, by row, to compare with; {@code done} receives each level measured. */
    static List<BenchReport.AtScale> run(BenchRunner.Profile profile, List<BenchRunner.Scale> scales,
                                         Predicate<String> wanted, Map<String, BenchResult> alone,
                                         Consumer<String> progress,
                                         BenchRunner.ThrowingConsumer<BenchReport.AtScale> done) throws Exception {
        ScaleDataSet data = new ScaleDataSet();
        List<BenchReport.AtScale> levels = new ArrayList<>();
        for (BenchRunner.Scale scale : scales) {
            NationalLoader.Loaded loaded = data.growTo(scale.municipalities(), scale.history(), progress);
            long bytes = data.bytes();
            progress.accept(String.format(Locale.ROOT, "data set %s: %s, %,d MB", scale.name(), loaded,
                    bytes / (1024 * 1024)));
            Map<String, BenchResult> among = new LinkedHashMap<>();
            long began = System.nanoTime();
            data.copiedIntoEveryNewDatabase(() -> BenchRunner.measure(profile, BenchDatabase.create(profile.durable()),
                    wanted, among, null, new BenchRunner.Among(loaded.eventsInStore()),
                    line -> progress.accept(scale.name() + ": " + line)));
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            List<BenchResult> measured = BenchRunner.inRowOrder(among);
            levels.add(new BenchReport.AtScale(scale.name(), loaded, bytes, took.toSeconds(),
                    measured.stream().map(row -> alone.get(row.row())).toList(), measured));
            done.accept(levels.get(levels.size() - 1));
        }
        return levels;
    }
}
