/**
 * Integration events (issue 17): what other systems learn of Hyoka, through Kafka, without reading its database.
 * Rows of the transactional outbox ({@code integration_outbox}, written in the append's transaction) are published by
 * {@link jp.hyoka.server.integration.OutboxRelay} in position order, one relay at a time across nodes
 * (an advisory lock), as CloudEvents 1.0 in Kafka's binary content mode
 * ({@link jp.hyoka.server.integration.CloudEventRecords}); platform operators read its lag through
 * {@code integrationOutbox} (integration.graphqls).
 */
package jp.hyoka.server.integration;
