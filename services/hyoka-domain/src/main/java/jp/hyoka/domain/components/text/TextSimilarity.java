package jp.hyoka.domain.components.text;

/**
 * How alike two texts are, in [0, 1], compared on their matching forms ({@link MatchingText}) by the Dice
 * coefficient of their character bigrams (why: {@link BigramProfile}). Texts that differ only in presentation
 * score 1.
 */
public final class TextSimilarity {

    private TextSimilarity() {
    }

    public static double of(String first, String second) {
        return BigramProfile.of(first).similarity(BigramProfile.of(second));
    }
}
