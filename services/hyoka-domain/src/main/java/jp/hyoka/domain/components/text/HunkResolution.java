package jp.hyoka.domain.components.text;

import java.util.Objects;

/** How the editor settles one {@link MergeChunk.Conflict}: keep the local text, take the new version, or write it. */
public sealed interface HunkResolution {

    /** The text that replaces the conflict. */
    String textFor(MergeChunk.Conflict conflict);

    static HunkResolution takeOurs() {
        return new TakeOurs();
    }

    static HunkResolution takeTheirs() {
        return new TakeTheirs();
    }

    static HunkResolution useText(String text) {
        return new UseText(text);
    }

    /** Keep the municipality's local text. */
    record TakeOurs() implements HunkResolution {
        @Override
        public String textFor(MergeChunk.Conflict conflict) {
            return conflict.ours();
        }
    }

    /** Take the new component version's text. */
    record TakeTheirs() implements HunkResolution {
        @Override
        public String textFor(MergeChunk.Conflict conflict) {
            return conflict.theirs();
        }
    }

    /** Use text the editor wrote. */
    record UseText(String text) implements HunkResolution {
        public UseText {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String textFor(MergeChunk.Conflict conflict) {
            return text;
        }
    }
}
