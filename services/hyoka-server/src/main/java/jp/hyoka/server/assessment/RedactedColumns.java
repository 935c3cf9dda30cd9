package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.Redaction;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Withholds a redacted text in read-model columns, in place: every occurrence becomes {@link Redaction#REPLACEMENT}.
 * JSON columns are rewritten as text, matching the text as JSON writes it inside a string.
 */
public final class RedactedColumns {

    private RedactedColumns() {
    }

    /** {@code columns}: plain text columns; {@code jsonColumns}: jsonb columns. */
    public static void mask(Connection connection, PersonalDataRedacted event, String table, String[] columns,
                     String... jsonColumns) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        String separator = "";
        for (String column : columns) {
            sql.append(separator).append(column).append(" = replace(").append(column).append(", ?, ?)");
            separator = ", ";
        }
        for (String column : jsonColumns) {
            sql.append(separator).append(column).append(" = replace(").append(column).append("::text, ?, ?)::jsonb");
            separator = ", ";
        }
        sql.append(" WHERE tenant_code = ? AND assessment_id = ?");
        try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (int i = 0; i < columns.length; i++) {
                update.setString(index++, event.text());
                update.setString(index++, Redaction.REPLACEMENT);
            }
            String inJson = event.text().replace("\\", "\\\\").replace("\"", "\\\"");
            for (int i = 0; i < jsonColumns.length; i++) {
                update.setString(index++, inJson);
                update.setString(index++, Redaction.REPLACEMENT);
            }
            update.setString(index++, event.tenant().value());
            update.setObject(index, event.assessmentId().value());
            update.executeUpdate();
        }
    }
}
