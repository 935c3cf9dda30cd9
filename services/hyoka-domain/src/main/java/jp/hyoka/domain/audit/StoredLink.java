package jp.hyoka.domain.audit;

import java.util.Optional;

/** A link as stored, with the event it names as the event store holds it now (empty when it holds none). */
public record StoredLink(ChainLink link, Optional<ChainedEvent> event) {
}
