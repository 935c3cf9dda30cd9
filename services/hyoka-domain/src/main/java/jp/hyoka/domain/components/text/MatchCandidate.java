package jp.hyoka.domain.components.text;

import java.util.Objects;

/**
 * A text a published document may have copied, for instance one version of a shared component, with the id the
 * caller knows it by (a component version id).
 */
public record MatchCandidate<K>(K id, String text) {

    public MatchCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
