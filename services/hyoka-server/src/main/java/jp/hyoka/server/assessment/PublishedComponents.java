package jp.hyoka.server.assessment;

import jp.hyoka.domain.components.PublishedComponent;

import java.util.List;

/**
 * The shared components' published versions, as a document command carries them (an import recognises copies of
 * them). The host names what it needs; the components feature provides it, so no feature depends on another.
 */
public interface PublishedComponents {

    /** Every published version of every component. */
    List<PublishedComponent> published();
}
