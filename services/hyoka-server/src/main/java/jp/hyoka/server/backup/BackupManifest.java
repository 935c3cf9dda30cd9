package jp.hyoka.server.backup;

import java.util.List;

/**
 * The last entry of a backup file: what it holds and how to check it. {@code schemaVersion} is the Flyway version the
 * tables were copied at; a restore creates exactly that schema before loading them (later migrations run when the
 * server starts). Each table's {@code sha256} is over its COPY text as stored in the file.
 */
public record BackupManifest(String format, String takenAt, String schemaVersion, List<Table> tables) {

    public static final String FORMAT = "hyoka-backup/1";
    static final String ENTRY = "manifest.json";

    public record Table(String name, long rows, String sha256) {
        String entry() {
            return name + ".copy";
        }
    }

    /**
     * The record of what happened, in restore order (a chain link references its event). Left out: the read models
     * (rm_*, rebuilt from the events) and tokenentry, since a token without the read models it stands for would
     * make the restored server skip the replay that rebuilds them; and event_chain_backfill_mark, since without it
     * the restored server's first start checks every event for its link (a mark copied apart from the chain's tables
     * could claim more than they hold).
     */
    static final List<String> TABLES = List.of("tenant", "domainevententry", "snapshotevententry", "event_chain",
            "event_chain_head", "integration_outbox", "integration_outbox_queue");
}
