package jp.hyoka.server.search;

import jp.hyoka.domain.form.SearchText;

import java.util.Optional;

/**
 * What a caller searches for, normalised by the definition the answers' stored texts are made with
 * ({@link SearchText#normalise}: NFKC, control characters dropped, runs of white space as one space). The whole
 * query is one substring; {@code %}, {@code _} and {@code \} in it are literal.
 */
record SearchQuery(String text) {

    /** Longer queries are refused: nothing an answer holds needs more to be found, and the pattern stays cheap. */
    static final int MAX_LENGTH = 100;

    /** The query to search for, or empty when nothing searchable is left (blank, only control characters). */
    static Optional<SearchQuery> of(String raw) {
        String normalised = SearchText.normalise(raw);
        return normalised.isEmpty() ? Optional.empty() : Optional.of(new SearchQuery(normalised));
    }

    int length() {
        return text.codePointCount(0, text.length());
    }

    /** An ILIKE pattern matching the query anywhere, its wildcards escaped (backslash is ILIKE's default escape). */
    String containsPattern() {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
