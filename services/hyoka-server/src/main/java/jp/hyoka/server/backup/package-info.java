/**
 * Backup and restore of what cannot be recomputed (infra/backup/README.md): the events, snapshots, the audit hash
 * chain, the municipalities and the integration outbox, copied from one consistent snapshot with PostgreSQL's COPY
 * over JDBC, so that no pg_dump of the server's major version is needed. Read models are left out: a restored
 * server rebuilds them by replaying the events at its first start.
 */
package jp.hyoka.server.backup;
