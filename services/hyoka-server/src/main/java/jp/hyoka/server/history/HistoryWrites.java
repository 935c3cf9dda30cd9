package jp.hyoka.server.history;

import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The rm_edit_history rows of a read-model batch ({@link ReadModelBatch}), in event order, after the documents. */
final class HistoryWrites implements ReadModelBatch.Part {

    /** {@code line} numbers the lines of one revision from 0: only an import's content has more than one. */
    record HistoryRow(String tenant, UUID assessment, long revision, int line, String eventType, String itemId,
                      String oldAnswerJson, String newAnswerJson, String reason, String actorId, String actorName,
                      Timestamp at, String entryPath, String detailJson, String command) {
    }

    private final List<HistoryRow> rows = new ArrayList<>();

    static void add(AxonConnections connections, HistoryRow row) throws SQLException {
        HistoryWrites buffer = ReadModelBatch.part(connections, HistoryWrites.class, HistoryWrites::new);
        if (buffer == null) {
            ReadModelBatch.writeNow(connections, connection -> insertHistory(connection, List.of(row)));
        } else {
            buffer.rows.add(row);
        }
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public void writeTo(Connection connection) throws SQLException {
        insertHistory(connection, rows);
        rows.clear();
    }

    private static void insertHistory(Connection connection, Collection<HistoryRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO rm_edit_history (tenant_code, assessment_id, revision, event_type, item_id,
                    old_answer, new_answer, reason, actor_id, actor_name, occurred_at, entry_path, detail, command, line)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (HistoryRow row : rows) {
                insert.setString(1, row.tenant());
                insert.setObject(2, row.assessment());
                insert.setLong(3, row.revision());
                insert.setString(4, row.eventType());
                insert.setString(5, row.itemId());
                insert.setString(6, row.oldAnswerJson());
                insert.setString(7, row.newAnswerJson());
                insert.setString(8, row.reason());
                insert.setString(9, row.actorId());
                insert.setString(10, row.actorName());
                insert.setTimestamp(11, row.at());
                insert.setString(12, row.entryPath());
                insert.setString(13, row.detailJson());
                insert.setString(14, row.command());
                insert.setInt(15, row.line());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
