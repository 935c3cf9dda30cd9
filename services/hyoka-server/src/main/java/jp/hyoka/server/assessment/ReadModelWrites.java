package jp.hyoka.server.assessment;

import jp.hyoka.server.axon.AxonConnections;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The document and history rows of one unit of work (a tracking-processor batch of up to 200 events), sent to
 * PostgreSQL as a few JDBC batches when the unit of work prepares to commit, in the same transaction as the token.
 *
 * <p>Why: written one statement at a time, every event cost two or three round trips (answer, document revision,
 * history row), and the read models took several times longer than the import's own commit; an import's
 * {@code importDocument} mutation waits for them (read-your-writes). Measured by the bulk-import benchmark
 * (BENCHMARKS.md row 4, {@code infra/scripts/bench-import.sh}).
 *
 * <p>The result is the same as writing each event's rows at once:
 * <ul>
 *   <li>answers are keyed by tenant, assessment, item and entry path, and a later revision replaces an earlier one in
 *       the buffer: the upsert lets the higher revision win anyway, and one statement never names a row twice
 *       (which {@code ON CONFLICT DO UPDATE} refuses);</li>
 *   <li>the document's revision and last editor ("touch") is kept per assessment at its highest revision; touches that
 *       rename the assessment are kept in order and written before it;</li>
 *   <li>new assessments are inserted before everything else (their first event comes before any other of theirs);</li>
 *   <li>a projection that writes directly (a delete, a migration) first calls {@link #flush(AxonConnections)}, so the
 *       writes to one row keep their order.</li>
 * </ul>
 * A failed write fails the batch's commit, and the processor retries the batch; nothing is skipped silently.
 * Outside a unit of work (a projection called directly) every write goes out at once.
 *
 * <p>Over 250 lines, and serving both the host's document rows and the history feature's rows, because the order of
 * the flush is the correctness argument above: one buffer per unit of work, written new assessments first. Splitting
 * it per feature (a kernel batch that features add their writes to, in order) is the next step of issue 15.
 */
public final class ReadModelWrites {

    private static final String RESOURCE = ReadModelWrites.class.getName();

    record NewAssessment(String tenant, UUID assessment, String formKind, String formVersion, String affairName,
                         long revision, Timestamp at, String byId, String byName) {
    }

    record AnswerRow(String tenant, UUID assessment, String itemId, String entryPath, String answerJson, long revision,
                     Timestamp at, String byId, String byName) {
        List<Object> key() {
            return List.of(tenant, assessment, itemId, entryPath);
        }
    }

    public record HistoryRow(String tenant, UUID assessment, long revision, String eventType, String itemId,
                      String oldAnswerJson, String newAnswerJson, String reason, String actorId, String actorName,
                      Timestamp at, String entryPath, String detailJson, String command) {
    }

    /** The document reached {@code revision}; {@code newAffairName} non-null when the event renamed it. */
    record Touch(String tenant, UUID assessment, long revision, Timestamp at, String byId, String byName,
                 String newAffairName) {
        List<Object> key() {
            return List.of(tenant, assessment);
        }
    }

    private final AxonConnections connections;
    private final List<NewAssessment> newAssessments = new ArrayList<>();
    private final Map<List<Object>, AnswerRow> answers = new LinkedHashMap<>();
    private final List<HistoryRow> history = new ArrayList<>();
    private final List<Touch> renames = new ArrayList<>();
    private final Map<List<Object>, Touch> touches = new LinkedHashMap<>();

    private ReadModelWrites(AxonConnections connections) {
        this.connections = connections;
    }

    static void insert(AxonConnections connections, NewAssessment row) throws SQLException {
        ReadModelWrites buffer = current(connections);
        if (buffer == null) {
            writeNow(connections, connection -> insertAssessments(connection, List.of(row)));
        } else {
            buffer.newAssessments.add(row);
        }
    }

    static void answer(AxonConnections connections, AnswerRow row) throws SQLException {
        ReadModelWrites buffer = current(connections);
        if (buffer == null) {
            writeNow(connections, connection -> upsertAnswers(connection, List.of(row)));
        } else {
            buffer.answers.merge(row.key(), row, (earlier, later) -> later.revision() > earlier.revision() ? later : earlier);
        }
    }

    public static void history(AxonConnections connections, HistoryRow row) throws SQLException {
        ReadModelWrites buffer = current(connections);
        if (buffer == null) {
            writeNow(connections, connection -> insertHistory(connection, List.of(row)));
        } else {
            buffer.history.add(row);
        }
    }

    static void touch(AxonConnections connections, Touch touch) throws SQLException {
        ReadModelWrites buffer = current(connections);
        if (buffer == null) {
            writeNow(connections, connection -> touch(connection, List.of(touch)));
        } else if (touch.newAffairName() != null) {
            buffer.renames.add(touch);
        } else {
            buffer.touches.merge(touch.key(), touch, (earlier, later) -> later.revision() > earlier.revision() ? later : earlier);
        }
    }

    /** Writes what the current unit of work has buffered; call before writing read-model rows directly. */
    public static void flush(AxonConnections connections) throws SQLException {
        ReadModelWrites buffer = current(connections);
        if (buffer != null) {
            buffer.flush();
        }
    }

    /** The buffer of the current unit of work, created (and flushed at its prepare-commit) on first use. */
    private static ReadModelWrites current(AxonConnections connections) {
        if (!CurrentUnitOfWork.isStarted()
                || CurrentUnitOfWork.get().phase().isAfter(UnitOfWork.Phase.STARTED)) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            ReadModelWrites buffer = new ReadModelWrites(connections);
            root.onPrepareCommit(unitOfWork -> {
                try {
                    buffer.flush();
                } catch (SQLException e) {
                    throw new IllegalStateException("read-model rows of this batch could not be written: "
                            + e.getMessage(), e);
                }
            });
            return buffer;
        });
    }

    private void flush() throws SQLException {
        if (newAssessments.isEmpty() && answers.isEmpty() && history.isEmpty() && renames.isEmpty()
                && touches.isEmpty()) {
            return;
        }
        try (Connection connection = connections.getConnection()) {
            insertAssessments(connection, newAssessments);
            upsertAnswers(connection, answers.values());
            insertHistory(connection, history);
            touch(connection, renames);
            touch(connection, touches.values());
        }
        newAssessments.clear();
        answers.clear();
        history.clear();
        renames.clear();
        touches.clear();
    }

    private interface Write {
        void to(Connection connection) throws SQLException;
    }

    private static void writeNow(AxonConnections connections, Write write) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            write.to(connection);
        }
    }

    private static void insertAssessments(Connection connection, Collection<NewAssessment> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO rm_assessment (tenant_code, assessment_id, form_kind, form_version, affair_name,
                    revision, created_at, created_by_id, created_by_name, updated_at, updated_by_id, updated_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (NewAssessment row : rows) {
                insert.setString(1, row.tenant());
                insert.setObject(2, row.assessment());
                insert.setString(3, row.formKind());
                insert.setString(4, row.formVersion());
                insert.setString(5, row.affairName());
                insert.setLong(6, row.revision());
                insert.setTimestamp(7, row.at());
                insert.setString(8, row.byId());
                insert.setString(9, row.byName());
                insert.setTimestamp(10, row.at());
                insert.setString(11, row.byId());
                insert.setString(12, row.byName());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void upsertAnswers(Connection connection, Collection<AnswerRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO rm_answer (tenant_code, assessment_id, item_id, answer, revision, answered_at,
                    answered_by_id, answered_by_name, entry_path)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_code, assessment_id, item_id, entry_path) DO UPDATE SET
                    answer = EXCLUDED.answer, revision = EXCLUDED.revision, answered_at = EXCLUDED.answered_at,
                    answered_by_id = EXCLUDED.answered_by_id, answered_by_name = EXCLUDED.answered_by_name
                WHERE rm_answer.revision < EXCLUDED.revision""")) {
            for (AnswerRow row : rows) {
                upsert.setString(1, row.tenant());
                upsert.setObject(2, row.assessment());
                upsert.setString(3, row.itemId());
                upsert.setString(4, row.answerJson());
                upsert.setLong(5, row.revision());
                upsert.setTimestamp(6, row.at());
                upsert.setString(7, row.byId());
                upsert.setString(8, row.byName());
                upsert.setString(9, row.entryPath());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void insertHistory(Connection connection, Collection<HistoryRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO rm_edit_history (tenant_code, assessment_id, revision, event_type, item_id,
                    old_answer, new_answer, reason, actor_id, actor_name, occurred_at, entry_path, detail, command)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING""")) {
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
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void touch(Connection connection, Collection<Touch> touches) throws SQLException {
        if (touches.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE rm_assessment SET revision = ?, updated_at = ?, updated_by_id = ?, updated_by_name = ?,
                    affair_name = COALESCE(?, affair_name)
                WHERE tenant_code = ? AND assessment_id = ? AND revision < ?""")) {
            for (Touch touch : touches) {
                update.setLong(1, touch.revision());
                update.setTimestamp(2, touch.at());
                update.setString(3, touch.byId());
                update.setString(4, touch.byName());
                update.setString(5, touch.newAffairName());
                update.setString(6, touch.tenant());
                update.setObject(7, touch.assessment());
                update.setLong(8, touch.revision());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
