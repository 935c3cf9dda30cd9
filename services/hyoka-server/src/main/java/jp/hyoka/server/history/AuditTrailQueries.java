package jp.hyoka.server.history;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.HistoryEntry;
import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.database.PageRequest;
import jp.hyoka.server.database.TenantQueries;
import jp.hyoka.server.database.TenantScopedReads;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A municipality's audit trail (rm_edit_history joined with its assessments' form revisions), filtered and paged. */
@Singleton
public class AuditTrailQueries {

    private final TenantQueries queries;

    public AuditTrailQueries(TenantScopedReads reads) {
        this.queries = new TenantQueries(reads);
    }

    /** Which part of a municipality's trail an auditor reads; null fields do not filter. {@code to} is exclusive. */
    public record AuditFilter(String userId, String itemId, AssessmentId assessmentId, Instant from, Instant to) {
    }

    /** A trail line with the form revision of its assessment, to label its item. */
    public record AuditLine(HistoryEntry entry, FormRef form) {
    }

    /**
     * The municipality's whole trail in the order things happened (time, then assessment and revision as a
     * tiebreak), filtered; the page {@code request} names, so an auditor can page through all of it either way.
     */
    public Page<AuditLine> auditTrail(MunicipalityCode tenant, AuditFilter filter, PageRequest request) {
        String[] position = request.cursor() == null ? null : auditPosition(request.cursor());
        StringBuilder sql = new StringBuilder("""
                SELECT h.*, a.form_kind, a.form_version FROM rm_edit_history h
                JOIN rm_assessment a ON a.tenant_code = h.tenant_code AND a.assessment_id = h.assessment_id
                WHERE h.tenant_code = ?""");
        List<Object> parameters = filtered(sql, tenant, filter);
        if (position != null) {
            long[] revisionLine = HistoryEntry.parsePosition(position[2]).orElseThrow();
            sql.append(" AND (h.occurred_at, h.assessment_id, h.revision, h.line) ").append(request.beyondAscending())
                    .append(" (?, ?, ?, ?)");
            parameters.add(Timestamp.from(Instant.parse(position[0])));
            parameters.add(UUID.fromString(position[1]));
            parameters.add(revisionLine[0]);
            parameters.add((int) revisionLine[1]);
        }
        String direction = request.ascending();
        sql.append(" ORDER BY h.occurred_at ").append(direction).append(", h.assessment_id ").append(direction)
                .append(", h.revision ").append(direction).append(", h.line ").append(direction).append(" LIMIT ?");
        parameters.add(request.size() + 1);
        List<AuditLine> rows = queries.query(tenant, sql.toString(), statement -> bind(statement, parameters),
                row -> new AuditLine(HistoryEntry.read(row),
                        new FormRef(FormKind.valueOf(row.getString("form_kind")), row.getString("form_version"))));
        return Page.read(rows, request, line -> line.entry().at() + "|" + line.entry().assessmentId() + "|"
                + line.entry().position());
    }

    /** How many lines the filter keeps, on every page. */
    public int count(MunicipalityCode tenant, AuditFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM rm_edit_history h WHERE h.tenant_code = ?");
        List<Object> parameters = filtered(sql, tenant, filter);
        return queries.query(tenant, sql.toString(), statement -> bind(statement, parameters), row -> row.getInt(1))
                .get(0);
    }

    private static List<Object> filtered(StringBuilder sql, MunicipalityCode tenant, AuditFilter filter) {
        List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
        condition(sql, parameters, " AND h.actor_id = ?", filter.userId());
        condition(sql, parameters, " AND h.item_id = ?", filter.itemId());
        condition(sql, parameters, " AND h.assessment_id = ?", filter.assessmentId() == null ? null
                : filter.assessmentId().value());
        condition(sql, parameters, " AND h.occurred_at >= ?",
                filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, parameters, " AND h.occurred_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        return parameters;
    }

    private static void bind(java.sql.PreparedStatement statement, List<Object> parameters)
            throws java.sql.SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
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
                if (HistoryEntry.parsePosition(position[2]).filter(p -> p[1] <= Integer.MAX_VALUE).isPresent()) {
                    return position;
                }
            }
        } catch (RuntimeException e) {
            // fall through: not one of our cursors
        }
        throw new IllegalArgumentException("after: not a cursor of this trail");
    }
}
