package jp.hyoka.server.assessment;

import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.axon.ReadModelBatch;

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
 * The current document's rows of a read-model batch ({@link ReadModelBatch}): new assessments, answers, and each
 * document's revision and last editor. The result is the same as writing each event's rows at once:
 * <ul>
 *   <li>answers are keyed by tenant, assessment, item and entry path, and a later revision replaces an earlier one in
 *       the buffer: the upsert lets the higher revision win anyway, and one statement never names a row twice
 *       (which {@code ON CONFLICT DO UPDATE} refuses);</li>
 *   <li>the document's revision and last editor ("touch") is kept per assessment at its highest revision; touches that
 *       rename the assessment are kept in order and written before it;</li>
 *   <li>new assessments are inserted before everything else (their first event comes before any other of theirs),
 *       and this part is written before every other part;</li>
 *   <li>the documents' rows are written before the answers, which neither reads: the answers' statements then find
 *       the rows written by this transaction and leave them (V18's triggers touch a row only when the transaction
 *       has not), so a batch writes each document's row once.</li>
 * </ul>
 */
final class ReadModelWrites implements ReadModelBatch.Part {

    record NewAssessment(String tenant, UUID assessment, String formKind, String formVersion, String affairName,
                         long revision, Timestamp at, String byId, String byName) {
    }

    /** {@code searchText}: the answer's searchable text (SearchText.of), null when it has none. */
    record AnswerRow(String tenant, UUID assessment, String itemId, String entryPath, String answerJson,
                     String searchText, long revision, Timestamp at, String byId, String byName) {
        List<Object> key() {
            return List.of(tenant, assessment, itemId, entryPath);
        }
    }

    /** The document reached {@code revision}; {@code newAffairName} non-null when the event renamed it. */
    record Touch(String tenant, UUID assessment, long revision, Timestamp at, String byId, String byName,
                 String newAffairName) {
        List<Object> key() {
            return List.of(tenant, assessment);
        }
    }

    private final List<NewAssessment> newAssessments = new ArrayList<>();
    private final Map<List<Object>, AnswerRow> answers = new LinkedHashMap<>();
    private final List<Touch> renames = new ArrayList<>();
    private final Map<List<Object>, Touch> touches = new LinkedHashMap<>();

    static void insert(AxonConnections connections, NewAssessment row) throws SQLException {
        ReadModelWrites buffer = current(connections);
        if (buffer == null) {
            ReadModelBatch.writeNow(connections, connection -> insertAssessments(connection, List.of(row)));
        } else {
            buffer.newAssessments.add(row);
        }
    }

    static void answer(AxonConnections connections, AnswerRow row) throws SQLException {
        ReadModelWrites buffer = current(connections);
        if (buffer == null) {
            ReadModelBatch.writeNow(connections, connection -> upsertAnswers(connection, List.of(row)));
        } else {
            buffer.answers.merge(row.key(), row, ReadModelWrites::later);
        }
    }

    static void touch(AxonConnections connections, Touch touch) throws SQLException {
        ReadModelWrites buffer = current(connections);
        if (buffer == null) {
            ReadModelBatch.writeNow(connections, connection -> touch(connection, List.of(touch)));
        } else if (touch.newAffairName() != null) {
            buffer.renames.add(touch);
        } else {
            buffer.touches.merge(touch.key(), touch, (earlier, later) -> later.revision() > earlier.revision()
                    ? later : earlier);
        }
    }

    private static AnswerRow later(AnswerRow earlier, AnswerRow later) {
        return later.revision() > earlier.revision() ? later : earlier;
    }

    private static ReadModelWrites current(AxonConnections connections) {
        return ReadModelBatch.part(connections, ReadModelWrites.class, ReadModelWrites::new);
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public boolean isEmpty() {
        return newAssessments.isEmpty() && answers.isEmpty() && renames.isEmpty() && touches.isEmpty();
    }

    @Override
    public void writeTo(Connection connection) throws SQLException {
        insertAssessments(connection, newAssessments);
        // The documents' rows before their answers: a statement writing rm_answer touches the row of each document
        // it changed unless this transaction wrote that row already (V18), so in this order the answers' statements
        // only look the row up (a handler's delete flushed before its document's first touch still writes it).
        touch(connection, renames);
        touch(connection, touches.values());
        upsertAnswers(connection, answers.values());
        newAssessments.clear();
        answers.clear();
        renames.clear();
        touches.clear();
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
                    answered_by_id, answered_by_name, entry_path, search_text)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_code, assessment_id, item_id, entry_path) DO UPDATE SET
                    answer = EXCLUDED.answer, revision = EXCLUDED.revision, answered_at = EXCLUDED.answered_at,
                    answered_by_id = EXCLUDED.answered_by_id, answered_by_name = EXCLUDED.answered_by_name,
                    search_text = EXCLUDED.search_text
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
                upsert.setString(10, row.searchText());
                upsert.addBatch();
            }
            upsert.executeBatch();
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
