package jp.hyoka.domain.components.text;

import java.util.HashMap;
import java.util.Map;

/**
 * The character bigrams of a text's matching form, counted, and the Dice coefficient of two such profiles:
 * 2·|A ∩ B| / (|A| + |B|) over the bigram multisets, in [0, 1].
 *
 * <p>Why bigrams and not words: Japanese has no spaces between words, and a tokeniser (a dictionary) would be a
 * dependency the domain may not have. Bigrams of kana and kanji carry most of a word's identity, one changed
 * character costs at most two bigrams, and the measure is linear in the text's length, so an import can compare
 * every cell with the whole catalogue. Why not an edit distance: it is quadratic in the length (the boilerplate
 * runs to 1,000 characters), and the residual difference is computed afterwards anyway, for the one version that
 * matched ({@link TextDifference}).
 */
final class BigramProfile {

    private final Map<Integer, Integer> counts;
    private final int size;
    private final String text;

    private BigramProfile(String text) {
        this.text = text;
        this.counts = new HashMap<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            counts.merge((text.charAt(i) << 16) | text.charAt(i + 1), 1, Integer::sum);
        }
        this.size = Math.max(0, text.length() - 1);
    }

    /** The profile of a text's matching form ({@link MatchingText}). */
    static BigramProfile of(String text) {
        return new BigramProfile(MatchingText.of(text));
    }

    /** True when the matching form is empty (a blank cell, or one of tags and numbering only). */
    boolean isEmpty() {
        return text.isEmpty();
    }

    /** 1 for equal matching forms, 0 when nothing is shared; texts too short for a bigram compare as equal or not. */
    double similarity(BigramProfile other) {
        if (text.equals(other.text)) {
            return 1.0;
        }
        if (size == 0 || other.size == 0) {
            return 0.0;
        }
        Map<Integer, Integer> smaller = counts.size() <= other.counts.size() ? counts : other.counts;
        Map<Integer, Integer> larger = smaller == counts ? other.counts : counts;
        long shared = 0;
        for (Map.Entry<Integer, Integer> entry : smaller.entrySet()) {
            shared += Math.min(entry.getValue(), larger.getOrDefault(entry.getKey(), 0));
        }
        return 2.0 * shared / (size + other.size);
    }
}
