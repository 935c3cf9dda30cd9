package jp.hyoka.domain.importing.annex;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
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
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength); i > 0; i--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
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
}
