package jp.hyoka.server.integration;

import java.time.Instant;
import java.util.UUID;

/** One integration event waiting in {@code integration_outbox} (V12), as the relay publishes it. */
record OutboxRow(long position, UUID eventId, String topic, String messageKey, String type, String source,
                 String subject, String dataschema, String tenantCode, Instant occurredAt, String payload) {
}
