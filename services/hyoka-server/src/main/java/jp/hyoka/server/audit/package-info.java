/**
 * Tamper evidence on the event store: every appended event is linked into its tenant's SHA-256 hash chain in the
 * same transaction ({@link jp.hyoka.server.axon.ChainingEventStorageEngine}), events from before the chain are
 * linked at start ({@link jp.hyoka.server.audit.EventChainBackfill}), and auditors verify the chain or export it
 * as a bundle that a standalone program checks ({@link jp.hyoka.server.audit.EventChainAudit}). The hashing and
 * verification rules themselves are pure domain code ({@code jp.hyoka.domain.audit}).
 */
package jp.hyoka.server.audit;
