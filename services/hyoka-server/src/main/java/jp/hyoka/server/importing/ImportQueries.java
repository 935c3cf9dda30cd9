package jp.hyoka.server.importing;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.database.PageRequest;
import jp.hyoka.server.database.TenantQueries;
import jp.hyoka.server.database.TenantScopedReads;
import jp.hyoka.server.graphql.ApiException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What imports left on an assessment: its 変更箇所 rows, the content no item took, the file it came from. */
@Singleton
public class ImportQueries {

    /** The keyset position of a row (revision|row index|content hash), kept in its node for the page's cursors. */
    private static final String KEY = "keyset";

    private final TenantQueries queries;

    public ImportQueries(TenantScopedReads reads) {
        this.queries = new TenantQueries(reads);
    }

    /** Imported 変更箇所 rows, in the order they were imported and printed. */
    public List<Map<String, Object>> pastChanges(MunicipalityCode tenant, AssessmentId id) {
        return pastChanges(tenant, id, "ORDER BY revision, row_index", statement -> {
        });
    }

    /**
     * A page of the imported 変更箇所 rows in the same order, keyset-paged both ways on (revision, row index, content
     * hash): a cursor continues where it was taken even after another import.
     */
    public Page<Map<String, Object>> pastChanges(MunicipalityCode tenant, AssessmentId id, PageRequest request) {
        Object[] position = position(request.cursor(), request.backward());
        List<Map<String, Object>> rows = pastChanges(tenant, id,
                "AND (revision, row_index, content_hash) %s (?, ?, ?) ORDER BY revision %s, row_index %s, content_hash %s LIMIT ?"
                        .formatted(request.beyondAscending(), request.ascending(), request.ascending(),
                                request.ascending()),
                statement -> {
                    statement.setLong(3, (Long) position[0]);
                    statement.setInt(4, (Integer) position[1]);
                    statement.setString(5, (String) position[2]);
                    statement.setInt(6, request.size() + 1);
                });
        return Page.read(rows, request, row -> row.get(KEY).toString());
    }

    /** How many 変更箇所 rows imports left on the assessment. */
    public int pastChangeCount(MunicipalityCode tenant, AssessmentId id) {
        return queries.countOfAssessment(tenant, "rm_past_change", id);
    }

    /** Where a page starts: the cursor's (revision, row index, content hash), or before the first / after the last. */
    private static Object[] position(String cursor, boolean backward) {
        if (cursor == null) {
            return backward ? new Object[]{Long.MAX_VALUE, Integer.MAX_VALUE, "~"} : new Object[]{-1L, -1, ""};
        }
        String[] parts = Cursors.decode(cursor).map(plain -> plain.split("\\|", 3)).orElse(new String[0]);
        try {
            if (parts.length == 3) {
                return new Object[]{Long.parseLong(parts[0]), Integer.parseInt(parts[1]), parts[2]};
            }
        } catch (NumberFormatException e) {
            // fall through: not one of this list's cursors
        }
        throw new ApiException(ApiException.BAD_USER_INPUT, "not a cursor of this list: " + cursor);
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
                    change.put(KEY, row.getLong("revision") + "|" + row.getInt("row_index") + "|"
                            + row.getString("content_hash"));
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
