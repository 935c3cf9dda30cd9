package jp.hyoka.server.audit;

import jp.hyoka.domain.audit.ChainedEvent;

/** A stored event with the chain it belongs to (a 地方公共団体コード, or {@link StoredEvents#PLATFORM}). */
record TenantEvent(String tenant, ChainedEvent event) {
}
