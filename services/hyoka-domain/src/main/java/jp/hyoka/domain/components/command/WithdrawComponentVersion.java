package jp.hyoka.domain.components.command;

import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.util.Objects;

/** Withdraw the unpublished version {@code version} (a draft, or a draft in review), saying why. */
public record WithdrawComponentVersion(ComponentId componentId, int version, String reason, Actor by, Instant at)
        implements SharedComponentCommand {
    public WithdrawComponentVersion {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
