package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The label comparisons, computed on numbered bigrams and with a path's bigrams taken once (import benchmark), give
 * what their definitions give: Dice of the bigram multisets, and below 0.75 the share of the label's bigrams found
 * anywhere in the text.
 */
class LabelSimilarityTest {

    /** Few characters: paths share many bigrams with labels, so the sliding window decides often. */
    private static final String FEW = "リスク対策は十分";
    private static final String ALPHABET = "リスク対策は十分か情報提供ネットワークシステムのの内容方法ab";

    private static double diceByDefinition(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.length() < 2 || b.length() < 2) {
            return 0.0;
        }
        Map<String, Integer> bigrams = new HashMap<>();
        for (int i = 0; i + 2 <= a.length(); i++) {
            bigrams.merge(a.substring(i, i + 2), 1, Integer::sum);
        }
        int common = 0;
        for (int i = 0; i + 2 <= b.length(); i++) {
            Integer left = bigrams.get(b.substring(i, i + 2));
            if (left != null && left > 0) {
                common++;
                bigrams.put(b.substring(i, i + 2), left - 1);
            }
        }
        return 2.0 * common / (a.length() - 1 + b.length() - 1);
    }

    private static double sharedBigramsByDefinition(String text, String label) {
        Set<String> present = new HashSet<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            present.add(text.substring(i, i + 2));
        }
        int found = 0;
        for (int i = 0; i + 2 <= label.length(); i++) {
            if (present.contains(label.substring(i, i + 2))) {
                found++;
            }
        }
        return (double) found / (label.length() - 1);
    }

    private static String random(Random random, int maxLength) {
        return random(random, maxLength, ALPHABET);
    }

    private static String random(Random random, int maxLength, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void givenRandomLabels_whenCompared_thenDiceIsThatOfTheBigramMultisets() {
        Random random = new Random(4);
        for (int n = 0; n < 20_000; n++) {
            String a = random(random, 14);
            String b = random(random, 14);
            assertThat(LabelSimilarity.dice(a, b)).as("%s ~ %s", a, b).isEqualTo(diceByDefinition(a, b));
        }
    }

    @Test
    void givenAPathComparedWithManyLabels_whenTakenOnce_thenEachResultIsAsComparedAlone() {
        Random random = new Random(23);
        int bounded = 0;
        for (int n = 0; n < 2_000; n++) {
            String path = random(random, 40);
            LabelSimilarity.Text text = new LabelSimilarity.Text(path);
            for (int k = 0; k < 10; k++) {
                String label = random(random, 12);
                double within = LabelSimilarity.within(path, label);
                assertThat(text.within(label)).isEqualTo(within);
                assertThat(text.within(label)).as("remembered").isEqualTo(within);
                if (!path.contains(label) && label.length() >= 4 && path.length() >= label.length()
                        && sharedBigramsByDefinition(path, label) < 0.75) {
                    bounded++;
                    assertThat(within).as("%s in %s", label, path).isEqualTo(sharedBigramsByDefinition(path, label));
                }
                int length = random.nextInt(path.length() + 1);
                assertThat(text.prefix(length).within(label)).isEqualTo(LabelSimilarity.within(path.substring(0, length),
                        label));
            }
        }
        assertThat(bounded).isGreaterThan(1_000);
    }

    @Test
    void givenAFormsLabelsIndexedByBigram_whenAPathIsComparedWithThem_thenEachResultIsThatOfTheDefinition() {
        Random random = new Random(41);
        int windows = 0;
        for (int n = 0; n < 300; n++) {
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                labels.add(random(random, 12, FEW));
            }
            LabelSimilarity.Labels index = new LabelSimilarity.Labels(labels);
            for (int p = 0; p < 10; p++) {
                String path = random(random, 40, FEW);
                LabelSimilarity.Text text = new LabelSimilarity.Text(path, index);
                for (String label : labels) {
                    double expected = withinByDefinition(path, label);
                    assertThat(text.within(label)).as("%s in %s", label, path).isEqualTo(expected);
                    if (expected >= 0.75 && expected < 1.0) {
                        windows++;
                    }
                }
                String notIndexed = random(random, 12, FEW);
                assertThat(text.within(notIndexed)).isEqualTo(withinByDefinition(path, notIndexed));
            }
        }
        assertThat(windows).as("comparisons decided by the sliding window").isGreaterThan(100);
    }

    @Test
    void givenIndexedLabels_whenAPathsWithinIsBounded_thenTheBoundIsNeverBelowWithinAndOneWhenContained() {
        Random random = new Random(43);
        int tight = 0;
        for (int n = 0; n < 300; n++) {
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                labels.add(random(random, 12, FEW));
            }
            LabelSimilarity.Labels index = new LabelSimilarity.Labels(labels);
            for (int p = 0; p < 10; p++) {
                String path = random(random, 40, FEW);
                LabelSimilarity.Text text = new LabelSimilarity.Text(path, index);
                for (String label : labels) {
                    int id = index.id(label);
                    if (id < 0) {
                        continue;                           // shorter than two characters: never indexed
                    }
                    double bound = text.withinBound(id, label);
                    double within = withinByDefinition(path, label);
                    assertThat(bound).as("%s in %s", label, path).isGreaterThanOrEqualTo(within);
                    if (path.contains(label)) {
                        assertThat(bound).isEqualTo(1.0);
                    }
                    if (bound == within) {
                        tight++;
                    }
                }
            }
        }
        assertThat(tight).as("bounds equal to the comparison").isGreaterThan(1_000);
    }

    /** Contained: 1; a short label: 0; a longer label than the text: Dice; else the best window as long as the label. */
    private static double withinByDefinition(String text, String label) {
        if (text.contains(label)) {
            return 1.0;
        }
        if (label.length() < 4) {
            return 0;
        }
        if (text.length() < label.length()) {
            return diceByDefinition(text, label);
        }
        double bound = sharedBigramsByDefinition(text, label);
        if (bound < 0.75) {
            return bound;
        }
        int best = 0;
        for (int start = 0; start + label.length() <= text.length(); start++) {
            String window = text.substring(start, start + label.length());
            double dice = diceByDefinition(window, label);      // equal lengths: 2·common / (2·(length − 1))
            best = Math.max(best, (int) Math.round(dice * (label.length() - 1)));
        }
        return (double) best / (label.length() - 1);
    }
}
