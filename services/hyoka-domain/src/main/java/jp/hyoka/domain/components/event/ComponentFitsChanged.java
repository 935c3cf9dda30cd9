package jp.hyoka.domain.components.event;

import jp.hyoka.domain.components.ComponentFit;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.shared.Actor;

import java.time.Instant;
import java.util.List;

/** The items a shared component fits are now these (e.g. a new form revision's items were added). */
public record ComponentFitsChanged(ComponentId componentId, List<ComponentFit> fits, Actor by, Instant at)
        implements SharedComponentEvent {
    public ComponentFitsChanged {
        fits = List.copyOf(fits);
    }
}
