package jp.hyoka.domain.components.command;

import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.util.Objects;

/** Submit the draft version {@code version} for review. */
public record SubmitComponentVersion(ComponentId componentId, int version, Actor by, Instant at)
        implements SharedComponentCommand {
    public SubmitComponentVersion {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
