package jp.hyoka.server.integration;

import java.time.Instant;
import java.util.UUID;

/**
 * One integration event waiting in {@code integration_outbox} (V12), as the relay publishes it. The payload is the
 * JSON's UTF-8 bytes as PostgreSQL sent them, which is what the record carries: decoding them into a String only to
 * encode them again was a tenth of the relay's work.
 */
record OutboxRow(long position, UUID eventId, String topic, String messageKey, String type, String source,
                 String subject, String dataschema, String tenantCode, Instant occurredAt, byte[] payloadUtf8) {
}
