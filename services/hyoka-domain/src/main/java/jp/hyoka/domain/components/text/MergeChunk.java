package jp.hyoka.domain.components.text;

import java.util.Objects;

/** A part of a three-way merge: text both sides agree on, or a conflict the editor resolves. */
public sealed interface MergeChunk {

    /** Text taken without question: unchanged, changed on one side only, or changed the same way on both. */
    record Merged(String text) implements MergeChunk {
        public Merged {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A part of the base that the local text ({@code ours}) and the new component version ({@code theirs}) both
     * changed, differently.
     */
    record Conflict(String base, String ours, String theirs) implements MergeChunk {
        public Conflict {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(ours, "ours");
            Objects.requireNonNull(theirs, "theirs");
        }
    }
}
