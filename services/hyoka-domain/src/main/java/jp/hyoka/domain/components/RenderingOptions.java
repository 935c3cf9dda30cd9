package jp.hyoka.domain.components;

import java.util.Objects;

/**
 * How a component text is printed in a document: the style of its point numbers and of its heading brackets. These
 * are options, not copies of the text: the same version reads "①…" in one municipality and "(1)…" in another.
 */
public record RenderingOptions(Numbering numbering, Brackets brackets) {

    /** The style of the J-LIS texts as most samples print them (DOMAIN.md §5.2–5.4). */
    public static final RenderingOptions DEFAULT = new RenderingOptions(Numbering.CIRCLED, Brackets.ASCII);

    public RenderingOptions {
        Objects.requireNonNull(numbering, "numbering");
        Objects.requireNonNull(brackets, "brackets");
    }
}
