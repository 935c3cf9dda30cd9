package jp.hyoka.domain.importing.annex;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Fuzzy comparison of compact labels (DOMAIN.md §4.4 styles H and L: "情報連携ネットワークシステム" for
 * 情報提供ネットワークシステム, "他のシステムの接続", "再発防止の内容", "リスク対策は十分か"): the Dice coefficient of character
 * bigrams, 1.0 for equal texts.
 */
final class LabelSimilarity {

    private LabelSimilarity() {
    }

    static double dice(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.length() < 2 || b.length() < 2) {
            return 0.0;
        }
        int[] left = bigrams(a);
        int[] right = bigrams(b);
        Arrays.sort(left);
        Arrays.sort(right);
        int common = 0;                                     // the size of the two multisets' intersection
        for (int i = 0, j = 0; i < left.length && j < right.length; ) {
            if (left[i] == right[j]) {
                common++;
                i++;
                j++;
            } else if (left[i] < right[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (a.length() - 1 + b.length() - 1);
    }

    /**
     * A text compared with many labels (a 項目 path with every label of a form): its bigrams are taken once, and
     * {@link #within(String)} remembers each label's result. Not thread-safe: one per path being resolved.
     */
    static final class Text {
        private final String value;
        private int[] distinctBigrams;
        private final Map<String, Double> within = new HashMap<>();
        private Map<Integer, Text> prefixes;

        Text(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }

        /** {@link LabelSimilarity#within(String, String)} of this text and the label. */
        double within(String label) {
            Double known = within.get(label);
            if (known == null) {
                known = LabelSimilarity.within(this, label);
                within.put(label, known);
            }
            return known;
        }

        /** The text's first {@code length} characters, compared in turn with many labels (remembered by length). */
        Text prefix(int length) {
            if (length == value.length()) {
                return this;
            }
            if (prefixes == null) {
                prefixes = new HashMap<>();
            }
            return prefixes.computeIfAbsent(length, l -> new Text(value.substring(0, l)));
        }

        private int[] distinctBigrams() {
            if (distinctBigrams == null) {
                int[] all = value.length() < 2 ? new int[0] : bigrams(value);
                Arrays.sort(all);
                int distinct = 0;
                for (int i = 0; i < all.length; i++) {
                    if (i == 0 || all[i] != all[i - 1]) {
                        all[distinct++] = all[i];
                    }
                }
                distinctBigrams = Arrays.copyOf(all, distinct);
            }
            return distinctBigrams;
        }
    }

    /** The character bigrams of a text (at least two characters long) as numbers, in text order. */
    private static int[] bigrams(String text) {
        int[] bigrams = new int[text.length() - 1];
        for (int i = 0; i + 2 <= text.length(); i++) {
            bigrams[i] = bigram(text, i);
        }
        return bigrams;
    }

    /**
     * How well the end of {@code text} spells {@code label}: 1.0 when it ends with it; otherwise only when both end
     * with the same character (a label is recognised by its last word: 十分か, 接続, 内容, 方法).
     */
    static double atEnd(String text, String label) {
        if (text.endsWith(label)) {
            return 1.0;
        }
        if (text.isEmpty() || label.isEmpty() || text.charAt(text.length() - 1) != label.charAt(label.length() - 1)) {
            return 0;
        }
        double best = 0;
        for (int length = Math.max(2, label.length() - 2); length <= label.length() + 2; length++) {
            if (length <= text.length()) {
                best = Math.max(best, dice(text.substring(text.length() - length), label));
            }
        }
        return best;
    }

    /**
     * An upper bound of {@link #within}: the share of the label's bigrams found anywhere in the text. Every caller
     * asks for 0.75 or more, so below that the sliding window is not needed.
     */
    private static double sharedBigrams(Text text, String label) {
        int[] present = text.distinctBigrams();
        int found = 0;
        for (int i = 0; i + 2 <= label.length(); i++) {
            if (Arrays.binarySearch(present, bigram(label, i)) >= 0) {
                found++;
            }
        }
        return (double) found / (label.length() - 1);
    }

    /** How well some part of {@code text} spells {@code label}: 1.0 when it contains it. */
    static double within(String text, String label) {
        return within(new Text(text), label);
    }

    private static double within(Text compared, String label) {
        String text = compared.value();
        if (text.contains(label)) {
            return 1.0;
        }
        if (label.length() < 4) {
            return 0;
        }
        if (text.length() < label.length()) {
            return dice(text, label);
        }
        double bound = sharedBigrams(compared, label);
        if (bound < 0.75) {
            return bound;
        }
        return slidingDice(text, label);
    }

    /**
     * The best Dice coefficient of the label against every window of the text as long as the label, kept up to date
     * one bigram at a time (a path may be a thousand characters long).
     */
    private static double slidingDice(String text, String label) {
        Map<Integer, Integer> wanted = new HashMap<>();
        for (int i = 0; i + 2 <= label.length(); i++) {
            wanted.merge(bigram(label, i), 1, Integer::sum);
        }
        int window = label.length() - 1;
        Map<Integer, Integer> seen = new HashMap<>();
        int common = 0;
        int best = 0;
        for (int i = 0; i + 2 <= text.length(); i++) {
            common += add(seen, wanted, bigram(text, i), 1);
            if (i >= window) {
                common += add(seen, wanted, bigram(text, i - window), -1);
            }
            best = Math.max(best, common);
        }
        return (double) best / window;
    }

    /** Counts a bigram into or out of the window; returns how much the number of shared bigrams changed. */
    private static int add(Map<Integer, Integer> seen, Map<Integer, Integer> wanted, int bigram, int delta) {
        int limit = wanted.getOrDefault(bigram, 0);
        if (limit == 0) {
            return 0;
        }
        int before = seen.getOrDefault(bigram, 0);
        int after = before + delta;
        seen.put(bigram, after);
        return Math.min(after, limit) - Math.min(before, limit);
    }

    private static int bigram(String text, int at) {
        return text.charAt(at) << 16 | text.charAt(at + 1);
    }
}
