package jp.hyoka.server.assessment;

import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The repeat-entry lists of a read-model batch ({@link ReadModelBatch}): each group's list (under one parent entry
 * path) is read once per batch, changed in memory by every add and move of the batch, and written once, when the
 * batch commits. The result is the same as reading and rewriting the list at each event (as the projection did: a
 * SELECT and an upsert of the whole list per event, the rebuild's most frequent round trips in row 7's profile),
 * because only this projection writes rm_repeat_entry, and its removals write the batch first and forget the lists
 * ({@link ReadModelBatch#flush}). The first group of an assessment in a batch is read alone (one edit reads one
 * list); at its second group, every list of the assessment is read in one query, so an import or a rebuild reads an
 * assessment's lists at most twice per batch, not once per group (a round trip each: row 7's profile, where one
 * import touches ten groups).
 */
final class RepeatEntryWrites implements ReadModelBatch.Part {

    /**
     * One group's entries under one parent, in order, and the revision of the event that last changed the list (0:
     * none recorded, or no entry): every row of the list is written with it, and an event of an earlier revision
     * leaves the list as it is (a replay, or a late batch, never undoes a newer list).
     */
    record Group(String tenant, UUID assessment, String groupId, String parentPath, List<String> entries,
                 long revision) {
    }

    /** A group's list as stored (or as this batch has left it), and the revision it was last changed at. */
    static final class Listed {
        final List<String> entries;
        long revision;

        Listed(List<String> entries, long revision) {
            this.entries = entries;
            this.revision = revision;
        }
    }

    private final Map<List<Object>, Listed> groups = new LinkedHashMap<>();
    /** Per assessment ({@code [tenant, assessment]}) read whole in this batch: its lists as read, by group key. */
    private final Map<List<Object>, Map<List<Object>, Listed>> assessments = new HashMap<>();
    /** The assessments ({@code [tenant, assessment]}) with a group buffered: asked per new group, so not a scan. */
    private final java.util.Set<List<Object>> buffered = new java.util.HashSet<>();

    /** The current batch's lists; null outside a unit of work (the caller reads and writes at once). */
    static RepeatEntryWrites current(AxonConnections connections) {
        return ReadModelBatch.part(connections, RepeatEntryWrites.class, RepeatEntryWrites::new);
    }

    /**
     * The group's list as this batch has left it (read from the table the first time), to change at
     * {@code revision}; changes are written later. Null when the list was last changed at a later revision: the
     * event is older than what the list shows, and is ignored.
     */
    List<String> entries(AxonConnections connections, String tenant, UUID assessment, String groupId,
                         String parentPath, long revision) throws SQLException {
        List<Object> key = List.of(tenant, assessment, groupId, parentPath);
        Listed group = groups.get(key);
        if (group == null) {
            group = stored(connections, key);
            groups.put(key, group);
            buffered.add(key.subList(0, 2));
        }
        if (group.revision > revision) {
            return null;
        }
        group.revision = revision;
        return group.entries;
    }

    /** A group's list as stored: read alone for an assessment's first group in the batch, whole at its second. */
    private Listed stored(AxonConnections connections, List<Object> key) throws SQLException {
        String tenant = (String) key.get(0);
        UUID assessment = (UUID) key.get(1);
        List<Object> owner = List.of(tenant, assessment);
        Map<List<Object>, Listed> whole = assessments.get(owner);
        if (whole == null && buffered.contains(owner)) {
            try (Connection connection = connections.getConnection()) {
                whole = readAll(connection, tenant, assessment);
            }
            assessments.put(owner, whole);
        }
        if (whole != null) {
            Listed stored = whole.get(key);
            return stored == null ? new Listed(new ArrayList<>(), 0)
                    : new Listed(new ArrayList<>(stored.entries), stored.revision);
        }
        try (Connection connection = connections.getConnection()) {
            return read(connection, tenant, assessment, (String) key.get(2), (String) key.get(3));
        }
    }

    /** Every list of an assessment, by group key ({@code [tenant, assessment, group, parent path]}). */
    private static Map<List<Object>, Listed> readAll(Connection connection, String tenant, UUID assessment)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT group_id, parent_path, entry_id, revision "
                + "FROM rm_repeat_entry WHERE tenant_code = ? AND assessment_id = ? "
                + "ORDER BY group_id, parent_path, position")) {
            select.setString(1, tenant);
            select.setObject(2, assessment);
            try (ResultSet rows = select.executeQuery()) {
                Map<List<Object>, Listed> lists = new HashMap<>();
                while (rows.next()) {
                    Listed group = lists.computeIfAbsent(List.of(tenant, assessment, rows.getString(1),
                            rows.getString(2)), key -> new Listed(new ArrayList<>(), 0));
                    group.entries.add(rows.getString(3));
                    group.revision = Math.max(group.revision, rows.getLong(4));
                }
                return lists;
            }
        }
    }

    /** A group's list as stored, and the latest revision its rows were written at. */
    static Listed read(Connection connection, String tenant, UUID assessment, String groupId, String parentPath)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT entry_id, revision FROM rm_repeat_entry "
                + "WHERE tenant_code = ? AND assessment_id = ? AND group_id = ? AND parent_path = ? ORDER BY position")) {
            select.setString(1, tenant);
            select.setObject(2, assessment);
            select.setString(3, groupId);
            select.setString(4, parentPath);
            try (ResultSet rows = select.executeQuery()) {
                Listed group = new Listed(new ArrayList<>(), 0);
                while (rows.next()) {
                    group.entries.add(rows.getString(1));
                    group.revision = Math.max(group.revision, rows.getLong(2));
                }
                return group;
            }
        }
    }

    /**
     * Writes the groups' lists: every entry at its position, with the list's revision (one JDBC batch). A row a later
     * revision wrote is left as it is, as in every other projection.
     */
    static void write(Connection connection, List<Group> groups) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO rm_repeat_entry (tenant_code, assessment_id, entry_id, group_id, parent_path, position,
                    revision)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_code, assessment_id, entry_id) DO UPDATE SET position = EXCLUDED.position,
                    revision = EXCLUDED.revision
                WHERE rm_repeat_entry.revision <= EXCLUDED.revision""")) {
            for (Group group : groups) {
                for (int position = 0; position < group.entries().size(); position++) {
                    upsert.setString(1, group.tenant());
                    upsert.setObject(2, group.assessment());
                    upsert.setString(3, group.entries().get(position));
                    upsert.setString(4, group.groupId());
                    upsert.setString(5, group.parentPath());
                    upsert.setInt(6, position);
                    upsert.setLong(7, group.revision());
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
        }
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public boolean isEmpty() {
        return groups.isEmpty();
    }

    @Override
    public void writeTo(Connection connection) throws SQLException {
        List<Group> lists = new ArrayList<>();
        groups.forEach((key, group) -> lists.add(new Group((String) key.get(0), (UUID) key.get(1),
                (String) key.get(2), (String) key.get(3), group.entries, group.revision)));
        write(connection, lists);
        groups.clear();
        buffered.clear();
        assessments.clear();
    }
}
