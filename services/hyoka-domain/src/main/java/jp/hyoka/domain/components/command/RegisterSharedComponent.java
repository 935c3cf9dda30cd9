package jp.hyoka.domain.components.command;

import jp.hyoka.domain.components.ComponentFit;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Register a shared component of a family, issued by {@code issuer}, for the items it fits; it has no version yet. */
public record RegisterSharedComponent(ComponentId componentId, String family, String name, String issuer,
                                      List<ComponentFit> fits, Actor by, Instant at) implements SharedComponentCommand {
    public RegisterSharedComponent {
        Objects.requireNonNull(componentId, "componentId");
        fits = fits == null ? List.of() : List.copyOf(fits);
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
