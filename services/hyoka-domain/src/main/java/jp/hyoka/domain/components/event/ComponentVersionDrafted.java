package jp.hyoka.domain.components.event;

import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.VersionContent;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;

/** Version {@code version} of a shared component was drafted with this content (text sanitised, fields cleaned). */
public record ComponentVersionDrafted(ComponentId componentId, int version, VersionContent content, Actor by,
                                      Instant at) implements SharedComponentEvent {
}
