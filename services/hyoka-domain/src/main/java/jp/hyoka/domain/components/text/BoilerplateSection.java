package jp.hyoka.domain.components.text;

/**
 * A part of a cell under one heading, as published: the heading's words without brackets or numbering (empty for
 * text before the first heading) and the body as written, surrounding whitespace and dangling tags trimmed.
 */
public record BoilerplateSection(String heading, String body) {
}
