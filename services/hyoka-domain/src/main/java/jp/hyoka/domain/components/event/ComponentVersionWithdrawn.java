package jp.hyoka.domain.components.event;

import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;

/** The unpublished version {@code version} was withdrawn, for {@code reason}; its number is free for the next draft. */
public record ComponentVersionWithdrawn(ComponentId componentId, int version, String reason, Actor by, Instant at)
        implements SharedComponentEvent {
}
