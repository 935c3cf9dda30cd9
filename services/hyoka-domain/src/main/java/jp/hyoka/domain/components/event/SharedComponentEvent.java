package jp.hyoka.domain.components.event;

import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;

/**
 * A business fact about one shared component, in the past tense, owned by the platform (no tenant). Every event
 * names who caused it and when, and refers to form items by stable id only. Class names are part of the stored
 * contract: never rename or move them.
 */
public sealed interface SharedComponentEvent permits SharedComponentRegistered, ComponentFitsChanged,
        ComponentVersionDrafted, ComponentVersionSubmitted, ComponentVersionPublished, ComponentVersionWithdrawn {

    ComponentId componentId();

    Actor by();

    Instant at();
}
