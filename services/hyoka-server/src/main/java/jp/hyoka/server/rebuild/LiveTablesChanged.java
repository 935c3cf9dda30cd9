package jp.hyoka.server.rebuild;

import java.util.List;

/**
 * The switch was refused: a migration (a newer build's node, during a rolling upgrade) was installed while the rebuild
 * ran — whatever it changed, even under names the copy already has (a policy redefined, a grant, an index recreated,
 * a backfill) — or a live read-model table no longer looks like the copy the rebuild made of it at its start.
 * Swapping the copy in would lose that change under the new build, so the rebuild fails instead and the live tables
 * stay as they are; a rebuild started again (on a node of the new build) copies the tables as they are now. The
 * rebuild's status reports it as {@code LiveTablesChanged: …}.
 */
public final class LiveTablesChanged extends IllegalStateException {

    private final List<String> differences;

    LiveTablesChanged(List<String> differences) {
        super("the live read-model tables changed while the rebuild ran (a migration?), so the switch would lose that; "
                + "nothing was switched, start the rebuild again (on a node of the newest build): "
                + String.join("; ", differences));
        this.differences = List.copyOf(differences);
    }

    /**
     * One line per migration installed since the copies were made, then per fact that differs, e.g.
     * {@code rm_answer: live has column reviewed_by text, the copy does not}.
     */
    public List<String> differences() {
        return differences;
    }
}
