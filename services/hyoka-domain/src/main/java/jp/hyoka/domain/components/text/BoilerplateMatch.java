package jp.hyoka.domain.components.text;

/** The candidate a text was recognised as, and how alike the two are ({@link TextSimilarity}). */
public record BoilerplateMatch<K>(K id, double similarity) {
}
