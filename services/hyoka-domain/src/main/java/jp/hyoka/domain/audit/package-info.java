/**
 * Tamper evidence for the event store: each tenant's events form a SHA-256 hash chain ({@link
 * jp.hyoka.domain.audit.EventChain}), and {@link jp.hyoka.domain.audit.ChainVerifier} recomputes a stored chain
 * and names the first link that no longer matches. Pure logic over the stored bytes; where the links are stored
 * and when they are written is the server's business.
 */
package jp.hyoka.domain.audit;
