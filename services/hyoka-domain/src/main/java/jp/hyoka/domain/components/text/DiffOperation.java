package jp.hyoka.domain.components.text;

import java.util.List;
import java.util.Objects;

/**
 * One step of a {@link TextDifference}, read against the base text's tokens in order: keep some, delete some (the
 * deleted tokens are carried, so applying to the wrong base is detected), or insert new text.
 */
public sealed interface DiffOperation {

    /** The next {@code tokens} tokens of the base stay. */
    record Keep(int tokens) implements DiffOperation {
        public Keep {
            if (tokens <= 0) {
                throw new IllegalArgumentException("keep needs a positive token count: " + tokens);
            }
        }
    }

    /** The next tokens of the base, which must be exactly these, are removed. */
    record Delete(List<String> tokens) implements DiffOperation {
        public Delete {
            tokens = List.copyOf(tokens);
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("delete needs tokens");
            }
        }
    }

    /** Text that the base does not have is added here. */
    record Insert(String text) implements DiffOperation {
        public Insert {
            Objects.requireNonNull(text, "text");
            if (text.isEmpty()) {
                throw new IllegalArgumentException("insert needs text");
            }
        }
    }
}
