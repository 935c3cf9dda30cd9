package jp.hyoka.domain.components.command;

import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.VersionContent;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.util.Objects;

/**
 * Draft version {@code version} of a shared component: the number the operator expects to write (the next one, so
 * two operators cannot draft the same version unknowingly) and its content.
 */
public record DraftComponentVersion(ComponentId componentId, int version, VersionContent content, Actor by,
                                    Instant at) implements SharedComponentCommand {
    public DraftComponentVersion {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
