package jp.hyoka.domain.form;

/**
 * Port: reduces HTML to the safe subset the published documents use (paragraphs, lists, tables) and drops
 * everything else: scripts, event handlers, styles, links. Rich text is only ever stored in sanitised form.
 */
@FunctionalInterface
public interface RichTextSanitizer {
    String sanitize(String html);
}
