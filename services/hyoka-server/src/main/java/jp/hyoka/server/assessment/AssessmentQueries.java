package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.database.TenantScopedReads;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static jp.hyoka.server.assessment.ReadModels.fromJson;

/**
 * Reads of the assessment read models. Every query takes the caller's tenant, filters by it, and runs under
 * row-level security scoped to it; there is no method that reads across tenants.
 */
@Singleton
public class AssessmentQueries {

    private final TenantScopedReads reads;

    public AssessmentQueries(TenantScopedReads reads) {
        this.reads = reads;
    }

    public Optional<AssessmentView> find(MunicipalityCode tenant, AssessmentId id) {
        return query(tenant, "SELECT * FROM rm_assessment WHERE tenant_code = ? AND assessment_id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                }, AssessmentQueries::view).stream().findFirst();
    }

    public long revision(MunicipalityCode tenant, AssessmentId id) {
        return find(tenant, id).map(AssessmentView::revision).orElse(0L);
    }

    /** Newest first. {@code after} is a cursor from a previous page, or null for the first page. */
    public Page<AssessmentView> list(MunicipalityCode tenant, int first, String after) {
        Optional<String[]> position = Optional.ofNullable(after).map(AssessmentQueries::listPosition);
        List<AssessmentView> rows = query(tenant, position.isEmpty()
                        ? "SELECT * FROM rm_assessment WHERE tenant_code = ? ORDER BY created_at DESC, assessment_id DESC LIMIT ?"
                        : "SELECT * FROM rm_assessment WHERE tenant_code = ? AND (created_at, assessment_id) < (?, ?) "
                                + "ORDER BY created_at DESC, assessment_id DESC LIMIT ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    if (position.isPresent()) {
                        statement.setTimestamp(2, Timestamp.from(Instant.parse(position.get()[0])));
                        statement.setObject(3, UUID.fromString(position.get()[1]));
                        statement.setInt(4, first + 1);
                    } else {
                        statement.setInt(2, first + 1);
                    }
                }, AssessmentQueries::view);
        return page(rows, first, v -> v.createdAt() + "|" + v.id());
    }

    public List<AnswerView> answers(MunicipalityCode tenant, AssessmentId id) {
        return query(tenant, "SELECT * FROM rm_answer WHERE tenant_code = ? AND assessment_id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                }, row -> new AnswerView(row.getString("item_id"), EntryPaths.split(row.getString("entry_path")),
                        fromJson(row.getString("answer")),
                        row.getLong("revision"), row.getTimestamp("answered_at").toInstant(),
                        new Actor(row.getString("answered_by_id"), row.getString("answered_by_name"))));
    }

    /** Every entry of every repeating group, in order within each group and parent. */
    public List<EntryView> entries(MunicipalityCode tenant, AssessmentId id) {
        return query(tenant, "SELECT * FROM rm_repeat_entry WHERE tenant_code = ? AND assessment_id = ? "
                        + "ORDER BY group_id, parent_path, position",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                }, row -> new EntryView(row.getString("entry_id"), row.getString("group_id"),
                        EntryPaths.split(row.getString("parent_path")), row.getInt("position")));
    }

    /** Imported 変更箇所 rows, in the order they were imported and printed. */
    public List<Map<String, Object>> pastChanges(MunicipalityCode tenant, AssessmentId id) {
        return query(tenant, "SELECT * FROM rm_past_change WHERE tenant_code = ? AND assessment_id = ? ORDER BY revision, row_index",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                }, row -> {
                    Map<String, Object> change = new java.util.HashMap<>();
                    change.put("sourceName", row.getString("source_name"));
                    change.put("sourceLine", row.getInt("source_line"));
                    java.sql.Date changedOn = row.getDate("changed_on");
                    change.put("changedOn", changedOn == null ? null : changedOn.toLocalDate());
                    change.put("changedOnText", row.getString("changed_on_text"));
                    change.put("itemPath", row.getString("item_path"));
                    change.put("itemId", row.getString("item_id"));
                    change.put("before", changeText(row.getString("before_kind"), row.getString("before_text")));
                    change.put("after", changeText(row.getString("after_kind"), row.getString("after_text")));
                    change.put("timing", row.getString("timing"));
                    change.put("explanation", row.getString("explanation"));
                    change.put("reasonCode", row.getString("reason_code"));
                    change.put("importedBy", new Actor(row.getString("imported_by_id"), row.getString("imported_by_name")));
                    change.put("importedAt", row.getTimestamp("imported_at").toInstant());
                    return change;
                });
    }

    /** What an import kept aside because no form item could take it, in source order. */
    public List<Map<String, Object>> unmappedContent(MunicipalityCode tenant, AssessmentId id) {
        return query(tenant, "SELECT * FROM rm_unmapped_content WHERE tenant_code = ? AND assessment_id = ? "
                        + "ORDER BY content_hash, row_index",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                }, row -> {
                    Map<String, Object> content = new java.util.HashMap<>();
                    content.put("sourceLine", row.getInt("source_line"));
                    content.put("label", row.getString("label"));
                    content.put("content", row.getString("content"));
                    content.put("reason", row.getString("reason"));
                    content.put("itemId", row.getString("item_id"));
                    return content;
                });
    }

    /** The published file an assessment was imported from, if it was. */
    public Optional<Map<String, Object>> importedFrom(MunicipalityCode tenant, AssessmentId id) {
        return query(tenant, "SELECT * FROM rm_imported_document WHERE tenant_code = ? AND assessment_id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                }, row -> {
                    Map<String, Object> source = new java.util.HashMap<>();
                    source.put("sourceName", row.getString("source_name"));
                    source.put("contentHash", row.getString("content_hash"));
                    source.put("rowsRead", row.getInt("rows_read"));
                    source.put("rowsMapped", row.getInt("rows_mapped"));
                    source.put("importedBy", new Actor(row.getString("imported_by_id"), row.getString("imported_by_name")));
                    source.put("importedAt", row.getTimestamp("imported_at").toInstant());
                    return source;
                }).stream().findFirst();
    }

    private static Map<String, Object> changeText(String kind, String text) {
        Map<String, Object> changeText = new java.util.HashMap<>();
        changeText.put("kind", kind);
        changeText.put("text", text);
        return changeText;
    }

    /** Oldest first, as an auditor reads it; {@code after} continues after a revision's cursor. */
    public Page<HistoryEntry> history(MunicipalityCode tenant, AssessmentId id, int first, String after) {
        long afterRevision = revisionCursor(after);
        List<HistoryEntry> rows = query(tenant, """
                        SELECT * FROM rm_edit_history WHERE tenant_code = ? AND assessment_id = ? AND revision > ?
                        ORDER BY revision LIMIT ?""",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                    statement.setLong(3, afterRevision);
                    statement.setInt(4, first + 1);
                }, AssessmentQueries::historyEntry);
        return page(rows, first, entry -> Long.toString(entry.revision()));
    }

    /** Which part of a municipality's trail an auditor reads; null fields do not filter. {@code to} is exclusive. */
    public record AuditFilter(String userId, String itemId, AssessmentId assessmentId, Instant from, Instant to) {
    }

    /** A trail line with the form revision of its assessment, to label its item. */
    public record AuditLine(HistoryEntry entry, FormRef form) {
    }

    /**
     * The municipality's whole trail in the order things happened (time, then assessment and revision as a
     * tiebreak), filtered; {@code after} continues after a line's cursor, so an auditor can page through all of it.
     */
    public Page<AuditLine> auditTrail(MunicipalityCode tenant, AuditFilter filter, int first, String after) {
        String[] position = after == null ? null : auditPosition(after);
        StringBuilder sql = new StringBuilder("""
                SELECT h.*, a.form_kind, a.form_version FROM rm_edit_history h
                JOIN rm_assessment a ON a.tenant_code = h.tenant_code AND a.assessment_id = h.assessment_id
                WHERE h.tenant_code = ?""");
        List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
        condition(sql, parameters, " AND h.actor_id = ?", filter.userId());
        condition(sql, parameters, " AND h.item_id = ?", filter.itemId());
        condition(sql, parameters, " AND h.assessment_id = ?", filter.assessmentId() == null ? null
                : filter.assessmentId().value());
        condition(sql, parameters, " AND h.occurred_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, parameters, " AND h.occurred_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        if (position != null) {
            sql.append(" AND (h.occurred_at, h.assessment_id, h.revision) > (?, ?, ?)");
            parameters.add(Timestamp.from(Instant.parse(position[0])));
            parameters.add(UUID.fromString(position[1]));
            parameters.add(Long.parseLong(position[2]));
        }
        sql.append(" ORDER BY h.occurred_at, h.assessment_id, h.revision LIMIT ?");
        parameters.add(first + 1);
        List<AuditLine> rows = query(tenant, sql.toString(), statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
        }, row -> new AuditLine(historyEntry(row),
                new FormRef(FormKind.valueOf(row.getString("form_kind")), row.getString("form_version"))));
        return page(rows, first, line -> line.entry().at() + "|" + line.entry().assessmentId() + "|"
                + line.entry().revision());
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            parameters.add(value);
        }
    }

    private static String[] auditPosition(String cursor) {
        String[] position = Cursors.decode(cursor).map(c -> c.split("\\|", 3)).orElse(new String[0]);
        try {
            if (position.length == 3) {
                Instant.parse(position[0]);
                UUID.fromString(position[1]);
                Long.parseLong(position[2]);
                return position;
            }
        } catch (RuntimeException e) {
            // fall through: not one of our cursors
        }
        throw new IllegalArgumentException("after: not a cursor of this trail");
    }

    /** Everything that happened after {@code revision}: what a stale client missed. */
    public List<HistoryEntry> changesSince(MunicipalityCode tenant, AssessmentId id, long revision) {
        return history(tenant, id, 1_000, Cursors.encode(Long.toString(revision))).items().stream()
                .map(Page.Cursored::item).toList();
    }

    private static String[] listPosition(String cursor) {
        String[] position = Cursors.decode(cursor).map(c -> c.split("\\|", 2)).orElse(new String[0]);
        try {
            if (position.length == 2) {
                Instant.parse(position[0]);
                UUID.fromString(position[1]);
                return position;
            }
        } catch (RuntimeException e) {
            // fall through: not one of our cursors
        }
        throw new IllegalArgumentException("after: not a cursor of this list");
    }

    private static long revisionCursor(String after) {
        if (after == null) {
            return 0;
        }
        try {
            return Long.parseLong(Cursors.decode(after).orElse("x"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("after: not a cursor of this history");
        }
    }

    private static <T> Page<T> page(List<T> rows, int first, java.util.function.Function<T, String> cursor) {
        List<Page.Cursored<T>> items = new ArrayList<>();
        for (T row : rows.subList(0, Math.min(first, rows.size()))) {
            items.add(new Page.Cursored<>(Cursors.encode(cursor.apply(row)), row));
        }
        return new Page<>(items, rows.size() > first);
    }

    private static AssessmentView view(ResultSet row) throws SQLException {
        return new AssessmentView(new AssessmentId(row.getObject("assessment_id", UUID.class)),
                new FormRef(FormKind.valueOf(row.getString("form_kind")), row.getString("form_version")),
                row.getString("affair_name"), row.getLong("revision"),
                row.getTimestamp("created_at").toInstant(),
                new Actor(row.getString("created_by_id"), row.getString("created_by_name")),
                row.getTimestamp("updated_at").toInstant(),
                new Actor(row.getString("updated_by_id"), row.getString("updated_by_name")),
                row.getInt("version"), row.getBoolean("published"), row.getObject("published_on", LocalDate.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(String json) {
        return json == null ? Map.of() : ReadModels.fromDetailJson(json, Map.class);
    }

    private static HistoryEntry historyEntry(ResultSet row) throws SQLException {
        return new HistoryEntry(row.getLong("revision"), row.getString("event_type"), row.getString("item_id"),
                EntryPaths.split(row.getString("entry_path")), fromJson(row.getString("old_answer")),
                fromJson(row.getString("new_answer")), row.getString("reason"),
                new Actor(row.getString("actor_id"), row.getString("actor_name")),
                row.getTimestamp("occurred_at").toInstant(), detail(row.getString("detail")),
                new AssessmentId(row.getObject("assessment_id", UUID.class)), row.getString("command"));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * Every read runs scoped to the caller's municipality (row-level security), on top of the tenant filter each
     * query states: either one alone would keep other municipalities' rows out.
     */
    private <T> List<T> query(MunicipalityCode tenant, String sql, Binder binder, RowMapper<T> mapper) {
        return reads.read(tenant, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(mapper.map(rows));
                    }
                    return result;
                }
            }
        });
    }
}
