package jp.hyoka.domain.importing.annex;

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
        double best = 0;
        int length = label.length();
        for (int start = 0; start + length - 1 <= text.length(); start++) {
            best = Math.max(best, dice(text.substring(start, Math.min(text.length(), start + length)), label));
        }
        return best;
    }
}
