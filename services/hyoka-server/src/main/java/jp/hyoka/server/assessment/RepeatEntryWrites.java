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

    /** One group's entries under one parent, in order. */
    record Group(String tenant, UUID assessment, String groupId, String parentPath, List<String> entries) {
    }

    private final Map<List<Object>, Group> groups = new LinkedHashMap<>();
    /** Per assessment ({@code [tenant, assessment]}) read whole in this batch: its lists as read, by group key. */
    private final Map<List<Object>, Map<List<Object>, List<String>>> assessments = new HashMap<>();
    /** The assessments ({@code [tenant, assessment]}) with a group buffered: asked per new group, so not a scan. */
    private final java.util.Set<List<Object>> buffered = new java.util.HashSet<>();

    /** The current batch's lists; null outside a unit of work (the caller reads and writes at once). */
    static RepeatEntryWrites current(AxonConnections connections) {
        return ReadModelBatch.part(connections, RepeatEntryWrites.class, RepeatEntryWrites::new);
    }

    /** The group's list as this batch has left it, read from the table the first time; changes are written later. */
    List<String> entries(AxonConnections connections, String tenant, UUID assessment, String groupId,
                         String parentPath) throws SQLException {
        List<Object> key = List.of(tenant, assessment, groupId, parentPath);
        Group group = groups.get(key);
        if (group == null) {
            group = new Group(tenant, assessment, groupId, parentPath, stored(connections, key));
            groups.put(key, group);
            buffered.add(key.subList(0, 2));
        }
        return group.entries();
    }

    /** A group's list as stored: read alone for an assessment's first group in the batch, whole at its second. */
    private List<String> stored(AxonConnections connections, List<Object> key) throws SQLException {
        String tenant = (String) key.get(0);
        UUID assessment = (UUID) key.get(1);
        List<Object> owner = List.of(tenant, assessment);
        Map<List<Object>, List<String>> whole = assessments.get(owner);
        if (whole == null && buffered.contains(owner)) {
            try (Connection connection = connections.getConnection()) {
                whole = readAll(connection, tenant, assessment);
            }
            assessments.put(owner, whole);
        }
        if (whole != null) {
            return new ArrayList<>(whole.getOrDefault(key, List.of()));
        }
        try (Connection connection = connections.getConnection()) {
            return read(connection, tenant, assessment, (String) key.get(2), (String) key.get(3));
        }
    }

    /** Every list of an assessment, by group key ({@code [tenant, assessment, group, parent path]}). */
    private static Map<List<Object>, List<String>> readAll(Connection connection, String tenant, UUID assessment)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT group_id, parent_path, entry_id "
                + "FROM rm_repeat_entry WHERE tenant_code = ? AND assessment_id = ? "
                + "ORDER BY group_id, parent_path, position")) {
            select.setString(1, tenant);
            select.setObject(2, assessment);
            try (ResultSet rows = select.executeQuery()) {
                Map<List<Object>, List<String>> lists = new HashMap<>();
                while (rows.next()) {
                    lists.computeIfAbsent(List.of(tenant, assessment, rows.getString(1), rows.getString(2)),
                            group -> new ArrayList<>()).add(rows.getString(3));
                }
                return lists;
            }
        }
    }

    static List<String> read(Connection connection, String tenant, UUID assessment, String groupId, String parentPath)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT entry_id FROM rm_repeat_entry WHERE "
                + "tenant_code = ? AND assessment_id = ? AND group_id = ? AND parent_path = ? ORDER BY position")) {
            select.setString(1, tenant);
            select.setObject(2, assessment);
            select.setString(3, groupId);
            select.setString(4, parentPath);
            try (ResultSet rows = select.executeQuery()) {
                List<String> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(rows.getString(1));
                }
                return entries;
            }
        }
    }

    /** Writes the groups' lists: every entry at its position (one JDBC batch). */
    static void write(Connection connection, List<Group> groups) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO rm_repeat_entry (tenant_code, assessment_id, entry_id, group_id, parent_path, position)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_code, assessment_id, entry_id) DO UPDATE SET position = EXCLUDED.position""")) {
            for (Group group : groups) {
                for (int position = 0; position < group.entries().size(); position++) {
                    upsert.setString(1, group.tenant());
                    upsert.setObject(2, group.assessment());
                    upsert.setString(3, group.entries().get(position));
                    upsert.setString(4, group.groupId());
                    upsert.setString(5, group.parentPath());
                    upsert.setInt(6, position);
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
        write(connection, List.copyOf(groups.values()));
        groups.clear();
        buffered.clear();
        assessments.clear();
    }
}
