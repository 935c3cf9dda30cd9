package jp.hyoka.domain.components.event;

import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;

/**
 * Version {@code version} of a shared component was published: it is frozen, and every document following
 * {@code previousVersion} (0 for a first publication) is to be proposed the change.
 */
public record ComponentVersionPublished(ComponentId componentId, int version, int previousVersion, Actor by,
                                        Instant at) implements SharedComponentEvent {
}
