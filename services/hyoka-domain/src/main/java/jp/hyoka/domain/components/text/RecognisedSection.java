package jp.hyoka.domain.components.text;

/** A section of a published cell that was recognised as a candidate's text (an import links it in adapted mode). */
public record RecognisedSection<K>(BoilerplateSection section, BoilerplateMatch<K> match) {
}
