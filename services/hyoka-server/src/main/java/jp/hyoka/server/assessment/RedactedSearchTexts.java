package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.form.SearchText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * After a redaction rewrote an assessment's answers in place ({@link RedactedColumns}), their searchable texts
 * (rm_answer.search_text) are made again from the rewritten answers, so that the withheld text leaves the search
 * index with them. Only rows whose text changed are written. A redaction is rare and names one assessment: its
 * answers are read once.
 */
final class RedactedSearchTexts {

    private RedactedSearchTexts() {
    }

    static void recompute(Connection connection, PersonalDataRedacted event) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT item_id, entry_path, answer::text, search_text FROM rm_answer
                WHERE tenant_code = ? AND assessment_id = ?""");
             PreparedStatement update = connection.prepareStatement("""
                UPDATE rm_answer SET search_text = ?
                WHERE tenant_code = ? AND assessment_id = ? AND item_id = ? AND entry_path = ?""")) {
            select.setString(1, event.tenant().value());
            select.setObject(2, event.assessmentId().value());
            boolean any = false;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String text = SearchText.of(ReadModels.fromJson(rows.getString(3)));
                    if (!Objects.equals(text, rows.getString(4))) {
                        update.setString(1, text);
                        update.setString(2, event.tenant().value());
                        update.setObject(3, event.assessmentId().value());
                        update.setString(4, rows.getString(1));
                        update.setString(5, rows.getString(2));
                        update.addBatch();
                        any = true;
                    }
                }
            }
            if (any) {
                update.executeBatch();
            }
        }
    }
}
