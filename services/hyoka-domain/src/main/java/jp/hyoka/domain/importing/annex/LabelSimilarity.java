package jp.hyoka.domain.importing.annex;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
    private static double sharedBigrams(String text, String label) {
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

    /** How well some part of {@code text} spells {@code label}: 1.0 when it contains it. */
    static double within(String text, String label) {
        if (text.contains(label)) {
            return 1.0;
        }
        if (label.length() < 4) {
            return 0;
        }
        if (text.length() < label.length()) {
            return dice(text, label);
        }
        double bound = sharedBigrams(text, label);
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
