package jp.hyoka.domain.importing.annex;

import jp.hyoka.domain.form.Block;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.Section;
import jp.hyoka.domain.testing.FormFiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LabelMatch#possible} rules a label out only where {@link LabelMatch#of} finds nothing: the path resolver
 * skips the items it rules out, and their score would have been null. Checked with every label of the real forms
 * against the samples' 項目 paths, and against paths made of the labels' own pieces (so that many do match).
 */
class LabelMatchPossibleTest {

    @Test
    void givenTheFormsLabelsAndPaths_whenALabelIsRuledOut_thenItsMatchIsNone() {
        List<String> labels = new ArrayList<>(formLabels());
        LabelSimilarity.Labels index = new LabelSimilarity.Labels(labels);
        Set<String> headings = Set.of("基本情報", "リスク対策");
        Random random = new Random(47);
        List<String> paths = new ArrayList<>();
        for (String sample : List.of("000", "001", "003", "004")) {
            Samples.annex(sample).rows().forEach(row -> paths.add(row.itemPath()));
        }
        for (int n = 0; n < 400; n++) {                     // pieces of labels, quoted or not, with numbers
            String label = labels.get(random.nextInt(labels.size()));
            int from = random.nextInt(label.length());
            int to = from + 1 + random.nextInt(label.length() - from);
            String piece = label.substring(from, to);
            paths.add(random.nextInt(5) == 0 ? "II 3 「" + piece + "」 の記載" : "III " + random.nextInt(9) + ". " + piece);
        }
        int possible = 0;
        int matched = 0;
        for (String raw : paths) {
            ParsedPath path = ParsedPath.parse(raw, Map.of(), null, List.of());
            LabelSimilarity.Text compact = new LabelSimilarity.Text(path.compact(), index);
            for (String label : labels) {
                LabelMatch match = LabelMatch.of(label, path, compact, headings);
                boolean canMatch = LabelMatch.possible(label, index.id(label), path, compact);
                if (!canMatch) {
                    assertThat(match).as("%s in %s", label, raw).isEqualTo(LabelMatch.NONE);
                }
                possible += canMatch ? 1 : 0;
                matched += match.similarity() > 0 ? 1 : 0;
            }
        }
        assertThat(matched).as("labels found in the paths").isGreaterThan(1_000);
        assertThat(possible).as("labels not ruled out").isLessThan(paths.size() * labels.size() / 2);
    }

    private static Set<String> formLabels() {
        Set<String> labels = new LinkedHashSet<>();
        for (FormKind kind : FormKind.values()) {
            for (String revision : List.of("2024", "2025")) {
                FormDefinition form = FormFiles.of(kind, revision);
                for (Section section : form.sections()) {
                    for (Block block : section.blocks()) {
                        for (Item item : block.items()) {
                            labels.add(ParsedPath.label(item.label()));
                        }
                    }
                }
            }
        }
        return labels;
    }
}
