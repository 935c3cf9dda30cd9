package jp.hyoka.domain.importing.annex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.testing.FormFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 項目 paths of every published sample's 変更箇所 annex, resolved against the real form of the sample's kind
 * (schema/forms, revisions 2025 and 2024, with the 基礎 form as companion numbering). What counts as resolved: a definite place of the form — an item, a whole repeat
 * entry (システム6, 委託事項3, a file added), a block of several items, a section, or the document ("全体"). AMBIGUOUS
 * and UNRESOLVED rows count against the rate, and so do the separator rows some exports leave in the table. The
 * share of rows resolved to an item is asserted too, and the misses are printed for the record.
 */
class ItemPathResolverSamplesTest {

    @ParameterizedTest(name = "sample {0} ({1}@{2})")
    @CsvSource({"000, ALL_ITEMS, 2025, 1.0", "001, KEY_ITEMS, 2025, 0.9", "003, KEY_ITEMS, 2025, 0.9",
        "004, KEY_ITEMS, 2025, 0.80", "000, ALL_ITEMS, 2024, 1.0", "001, KEY_ITEMS, 2024, 0.9",
        "003, KEY_ITEMS, 2024, 0.9", "004, KEY_ITEMS, 2024, 0.80"})
    void givenPublishedAnnex_whenPathsResolvedAgainstTheFormOfItsKind_thenAtLeast95PercentResolve(
            String sample, FormKind kind, String revision, double itemShare) {
        FormDefinition form = FormFiles.of(kind, revision);
        List<ChangeRow> rows = Samples.annex(sample).rows();
        ItemPathResolver resolver = new ItemPathResolver(form, List.of(FormFiles.of(FormKind.BASIC_ITEMS, "2025")));
        long start = System.nanoTime();
        List<PathResolution> results = resolver.resolveAll(rows.stream().map(ChangeRow::itemPath).toList());
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<PathTargetKind, Integer> kinds = new EnumMap<>(PathTargetKind.class);
        for (int i = 0; i < rows.size(); i++) {
            PathResolution result = results.get(i);
            kinds.merge(result.kind(), 1, Integer::sum);
            if (System.getenv("PATHS_ALL") != null || result.kind() != PathTargetKind.ITEM) {
                System.out.printf("  %s line %d %s: %s → %s %s%n", sample, rows.get(i).lineNumber(), result.kind(),
                        rows.get(i).itemPath(), result.targetId(), result.candidates().isEmpty() ? result.note()
                                : result.candidates());
            }
        }
        long resolved = results.stream().filter(result -> result.kind().resolved()).count();
        System.out.printf("ItemPathResolver sample %s on %s: %d of %d 項目 paths resolved (%.1f %%) %s in %d ms%n",
                sample, form.ref(), resolved, rows.size(), 100.0 * resolved / rows.size(), kinds, millis);

        assertThat((double) resolved / rows.size()).isGreaterThanOrEqualTo(0.95);
        assertThat((double) kinds.getOrDefault(PathTargetKind.ITEM, 0) / rows.size()).isGreaterThanOrEqualTo(itemShare);
    }
}
