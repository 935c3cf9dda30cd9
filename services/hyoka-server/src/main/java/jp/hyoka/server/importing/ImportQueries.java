package jp.hyoka.server.importing;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.database.TenantQueries;
import jp.hyoka.server.database.TenantScopedReads;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What imports left on an assessment: its 変更箇所 rows, the content no item took, the file it came from. */
@Singleton
public class ImportQueries {

    private final TenantQueries queries;

    public ImportQueries(TenantScopedReads reads) {
        this.queries = new TenantQueries(reads);
    }

    /** Imported 変更箇所 rows, in the order they were imported and printed. */
    public List<Map<String, Object>> pastChanges(MunicipalityCode tenant, AssessmentId id) {
        return pastChanges(tenant, id, "ORDER BY revision, row_index", statement -> {
        });
    }

    /** One imported row by its key (content hash and row index), the key of a PastChange node. */
    public Optional<Map<String, Object>> pastChange(MunicipalityCode tenant, AssessmentId id, String contentHash,
                                                    int rowIndex) {
        return pastChanges(tenant, id, "AND content_hash = ? AND row_index = ?", statement -> {
            statement.setString(3, contentHash);
            statement.setInt(4, rowIndex);
        }).stream().findFirst();
    }

    private List<Map<String, Object>> pastChanges(MunicipalityCode tenant, AssessmentId id, String rest,
                                                  TenantQueries.Binder more) {
        return queries.query(tenant,
                "SELECT * FROM rm_past_change WHERE tenant_code = ? AND assessment_id = ? " + rest,
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                    more.bind(statement);
                }, row -> {
                    Map<String, Object> change = new PastChangeNodes.PastChangeNode();
                    change.put("id", PastChangeNodes.id(id, row.getString("content_hash"), row.getInt("row_index")));
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
                    change.put("importedBy", new Actor(row.getString("imported_by_id"),
                            row.getString("imported_by_name")));
                    change.put("importedAt", row.getTimestamp("imported_at").toInstant());
                    return change;
                });
    }

    /** What an import kept aside because no form item could take it, in source order. */
    public List<Map<String, Object>> unmappedContent(MunicipalityCode tenant, AssessmentId id) {
        return queries.query(tenant, "SELECT * FROM rm_unmapped_content WHERE tenant_code = ? AND assessment_id = ? "
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
        return queries.query(tenant, "SELECT * FROM rm_imported_document WHERE tenant_code = ? AND assessment_id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                }, row -> {
                    Map<String, Object> source = new java.util.HashMap<>();
                    source.put("sourceName", row.getString("source_name"));
                    source.put("contentHash", row.getString("content_hash"));
                    source.put("rowsRead", row.getInt("rows_read"));
                    source.put("rowsMapped", row.getInt("rows_mapped"));
                    source.put("importedBy", new Actor(row.getString("imported_by_id"),
                            row.getString("imported_by_name")));
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
}
