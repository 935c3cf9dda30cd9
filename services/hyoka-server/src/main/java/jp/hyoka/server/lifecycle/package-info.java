/**
 * Stopping the server on SIGTERM within a stated time (README, "Operating Hyoka"). Micronaut's graceful phase
 * ({@code micronaut.lifecycle.graceful-shutdown}, set from {@code hyoka.shutdown.grace-period}) closes the HTTP
 * listener and lets the GraphQL workers answer what they hold; the context then stops the read-model processor at a
 * batch boundary, the outbox relay, the pool and the embedded PostgreSQL. {@link ShutdownDeadline}
 * bounds the whole.
 */
package jp.hyoka.server.lifecycle;
