package jp.hyoka.domain.components.event;

import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;

/** The draft version {@code version} was submitted for review: it can now only be published or withdrawn. */
public record ComponentVersionSubmitted(ComponentId componentId, int version, Actor by, Instant at)
        implements SharedComponentEvent {
}
