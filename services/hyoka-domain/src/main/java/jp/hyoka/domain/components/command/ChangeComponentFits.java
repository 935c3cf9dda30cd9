package jp.hyoka.domain.components.command;

import jp.hyoka.domain.components.ComponentFit;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Replace the items a shared component fits, e.g. to add a new form revision's items. */
public record ChangeComponentFits(ComponentId componentId, List<ComponentFit> fits, Actor by, Instant at)
        implements SharedComponentCommand {
    public ChangeComponentFits {
        Objects.requireNonNull(componentId, "componentId");
        fits = fits == null ? List.of() : List.copyOf(fits);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
