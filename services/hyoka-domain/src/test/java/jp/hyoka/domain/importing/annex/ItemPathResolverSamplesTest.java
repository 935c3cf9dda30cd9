package jp.hyoka.domain.importing.annex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Measures, without asserting a rate, how many 項目 cells of the published 変更箇所 annexes resolve against the
 * partial forms of {@link PathForms}. The rate is printed for the record; only "some resolve" is asserted.
 */
class ItemPathResolverSamplesTest {

    /** 000 (川崎) is a 全項目評価書; 001, 003 and 004 are 重点項目評価書. */
    private static final List<String> SAMPLES = List.of("000", "001", "003", "004");

    @Test
    void givenPublishedAnnexes_whenPathsResolvedAgainstTheirFormKind_thenSomeResolveAndRateIsPrinted() {
        ItemPathResolver keyItems = new ItemPathResolver(PathForms.keyItems());
        ItemPathResolver allItems = new ItemPathResolver(PathForms.allItems());
        int total = 0;
        int resolved = 0;
        for (String sample : SAMPLES) {
            List<ChangeRow> rows = Samples.annex(sample).rows();
            ItemPathResolver resolver = sample.equals("000") ? allItems : keyItems;
            long hits = rows.stream().map(ChangeRow::itemPath).filter(path -> resolver.resolve(path).isPresent())
                    .count();
            System.out.printf("ItemPathResolver sample %s: %d of %d 項目 paths resolved%n", sample, hits, rows.size());
            total += rows.size();
            resolved += (int) hits;
        }
        System.out.printf("ItemPathResolver all samples: %d of %d 項目 paths resolved%n", resolved, total);

        assertThat(resolved).isPositive();
    }
}
