package jp.hyoka.domain.components.command;

import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.util.Objects;

/** Publish the reviewed version {@code version}: it becomes the component's current version. */
public record PublishComponentVersion(ComponentId componentId, int version, Actor by, Instant at)
        implements SharedComponentCommand {
    public PublishComponentVersion {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
