package jp.hyoka.domain.components.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A local text stored as its difference against a base text (a component version in adapted mode): plain data, a
 * list of {@link DiffOperation}s over the base's sentence and line tokens ({@link TextTokens}), which applied to the
 * base give back the local text exactly, byte for byte.
 */
public record TextDifference(List<DiffOperation> operations) {

    public TextDifference {
        operations = List.copyOf(operations);
    }

    /** The difference that turns {@code base} into {@code local}; empty when they are equal. */
    public static TextDifference between(String base, String local) {
        List<String> baseTokens = TextTokens.of(base);
        List<DiffOperation> operations = new ArrayList<>();
        int next = 0;
        for (Hunk hunk : TokenDiff.hunks(baseTokens, TextTokens.of(local))) {
            if (hunk.start() > next) {
                operations.add(new DiffOperation.Keep(hunk.start() - next));
            }
            if (!hunk.isInsertion()) {
                operations.add(new DiffOperation.Delete(baseTokens.subList(hunk.start(), hunk.end())));
            }
            if (!hunk.replacement().isEmpty()) {
                operations.add(new DiffOperation.Insert(String.join("", hunk.replacement())));
            }
            next = hunk.end();
        }
        if (next < baseTokens.size()) {
            operations.add(new DiffOperation.Keep(baseTokens.size() - next));
        }
        return new TextDifference(operations);
    }

    /** True when the local text is the base text. */
    public boolean isEmpty() {
        return operations.stream().allMatch(DiffOperation.Keep.class::isInstance);
    }

    /**
     * The local text, rebuilt on {@code base}.
     *
     * @throws IllegalArgumentException when {@code base} is not the text this difference was taken against
     */
    public String applyTo(String base) {
        List<String> tokens = TextTokens.of(base);
        StringBuilder result = new StringBuilder();
        int next = 0;
        for (DiffOperation operation : operations) {
            if (operation instanceof DiffOperation.Keep keep) {
                requireTokens(tokens, next, keep.tokens());
                tokens.subList(next, next + keep.tokens()).forEach(result::append);
                next += keep.tokens();
            } else if (operation instanceof DiffOperation.Delete delete) {
                requireTokens(tokens, next, delete.tokens().size());
                if (!tokens.subList(next, next + delete.tokens().size()).equals(delete.tokens())) {
                    throw new IllegalArgumentException("the base differs from the one this difference was taken against");
                }
                next += delete.tokens().size();
            } else if (operation instanceof DiffOperation.Insert insert) {
                result.append(insert.text());
            }
        }
        if (next != tokens.size()) {
            throw new IllegalArgumentException("the base is longer than the one this difference was taken against");
        }
        return result.toString();
    }

    private static void requireTokens(List<String> tokens, int from, int count) {
        if (from + count > tokens.size()) {
            throw new IllegalArgumentException("the base is shorter than the one this difference was taken against");
        }
    }
}
