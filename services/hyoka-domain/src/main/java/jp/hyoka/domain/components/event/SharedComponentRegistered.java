package jp.hyoka.domain.components.event;

import jp.hyoka.domain.components.ComponentFit;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.util.List;

/** A platform operator registered a shared component (cross-tenant boilerplate) of a family and issuer, fitting these items. */
public record SharedComponentRegistered(ComponentId componentId, String family, String name, String issuer,
                                        List<ComponentFit> fits, Actor by, Instant at) implements SharedComponentEvent {
    public SharedComponentRegistered {
        fits = List.copyOf(fits);
    }
}
