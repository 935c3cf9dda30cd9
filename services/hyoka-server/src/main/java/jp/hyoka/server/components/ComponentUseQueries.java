package jp.hyoka.server.components;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.components.Brackets;
import jp.hyoka.domain.components.Numbering;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.database.PageRequest;
import jp.hyoka.server.database.TenantQueries;
import jp.hyoka.server.database.TenantScopedReads;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A municipality's shared-component uses and proposals (rm_component_use, rm_component_proposal), always read scoped
 * to the caller's municipality (row-level security on top of each query's own tenant filter).
 */
@Singleton
public class ComponentUseQueries {

    /** One use of a component in an item of a document. */
    public record UseRow(AssessmentId assessmentId, String useId, String itemId, List<String> entryIds,
                         String componentId, int version, ComponentUseMode mode, Map<String, String> slotValues,
                         RenderingOptions rendering, String text, Double similarity, Instant insertedAt) {
    }

    /** One proposal, with the 事務の名称 of its document. */
    public record ProposalRow(AssessmentId assessmentId, String affairName, String useId, String componentId,
                              int fromVersion, int toVersion, String status, Instant raisedAt, Instant decidedAt,
                              String decidedBy, String reason, LocalDate deferredUntil) {

        /** Opaque to clients: the document, the use and the version proposed. */
        public String id() {
            return ProposalIds.encode(assessmentId, useId, toVersion);
        }
    }

    private static final String PROPOSAL_COLUMNS = """
            p.assessment_id, a.affair_name, p.use_id, p.component_id, p.from_version, p.to_version, p.status,
            p.raised_at, p.decided_at, p.decided_by_name, p.reason, p.deferred_until
            FROM rm_component_proposal p
            JOIN rm_assessment a ON a.tenant_code = p.tenant_code AND a.assessment_id = p.assessment_id""";

    private final TenantQueries queries;

    public ComponentUseQueries(TenantScopedReads reads) {
        this.queries = new TenantQueries(reads);
    }

    public List<UseRow> uses(MunicipalityCode tenant, AssessmentId assessmentId) {
        return queries.query(tenant, """
                SELECT * FROM rm_component_use WHERE tenant_code = ? AND assessment_id = ?
                ORDER BY item_id, entry_ids, inserted_at, use_id""", statement -> {
            statement.setString(1, tenant.value());
            statement.setObject(2, assessmentId.value());
        }, ComponentUseQueries::use);
    }

    public Optional<UseRow> use(MunicipalityCode tenant, AssessmentId assessmentId, String useId) {
        return queries.query(tenant, """
                SELECT * FROM rm_component_use WHERE tenant_code = ? AND assessment_id = ? AND use_id = ?""",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, assessmentId.value());
                    statement.setString(3, useId);
                }, ComponentUseQueries::use).stream().findFirst();
    }

    public List<ProposalRow> proposals(MunicipalityCode tenant, AssessmentId assessmentId, List<String> statuses) {
        return queries.query(tenant, "SELECT " + PROPOSAL_COLUMNS + " WHERE p.tenant_code = ? AND p.assessment_id = ?"
                + " AND p.status = ANY (?) ORDER BY p.raised_at DESC, p.use_id, p.to_version", statement -> {
            statement.setString(1, tenant.value());
            statement.setObject(2, assessmentId.value());
            statement.setArray(3, statement.getConnection().createArrayOf("text", statuses.toArray()));
        }, ComponentUseQueries::proposal);
    }

    public Optional<ProposalRow> proposal(MunicipalityCode tenant, ProposalIds.Parts id) {
        return queries.query(tenant, "SELECT " + PROPOSAL_COLUMNS + " WHERE p.tenant_code = ? AND p.assessment_id = ?"
                + " AND p.use_id = ? AND p.to_version = ?", statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.assessmentId().value());
                    statement.setString(3, id.useId());
                    statement.setInt(4, id.toVersion());
                }, ComponentUseQueries::proposal).stream().findFirst();
    }

    /**
     * The municipality's proposals with these statuses, newest first, the page {@code request} names.
     * @throws IllegalArgumentException for a cursor this list did not give
     */
    public Page<ProposalRow> proposals(MunicipalityCode tenant, PageRequest request, List<String> statuses) {
        return proposals(tenant, null, request, statuses);
    }

    /**
     * The same for one assessment ({@code assessmentId} null: every assessment of the municipality).
     * @throws IllegalArgumentException for a cursor this list did not give
     */
    public Page<ProposalRow> proposals(MunicipalityCode tenant, AssessmentId assessmentId, PageRequest request,
                                       List<String> statuses) {
        String[] position = request.cursor() == null ? null : proposalPosition(request.cursor());
        String keyset = position == null ? "" : " AND (p.raised_at, p.assessment_id, p.use_id, p.to_version) "
                + request.beyondDescending() + " (?::timestamptz, ?::uuid, ?, ?::int)";
        String direction = request.descending();
        List<ProposalRow> rows = queries.query(tenant, "SELECT " + PROPOSAL_COLUMNS
                + " WHERE p.tenant_code = ? AND p.status = ANY (?)" + ofAssessment(assessmentId, "p.") + keyset
                + " ORDER BY p.raised_at %1$s, p.assessment_id %1$s, p.use_id %1$s, p.to_version %1$s LIMIT "
                .formatted(direction) + (request.size() + 1), statement -> {
                    int next = filter(statement, tenant, statuses, assessmentId);
                    if (position != null) {
                        for (int i = 0; i < 4; i++) {
                            statement.setString(next + i, position[i]);
                        }
                    }
                }, ComponentUseQueries::proposal);
        return Page.read(rows, request, row -> row.raisedAt() + "|" + row.assessmentId().value() + "|"
                + row.useId() + "|" + row.toVersion());
    }

    public int proposalCount(MunicipalityCode tenant, List<String> statuses) {
        return proposalCount(tenant, null, statuses);
    }

    /** How many proposals with these statuses one assessment (null: every assessment) has. */
    public int proposalCount(MunicipalityCode tenant, AssessmentId assessmentId, List<String> statuses) {
        return queries.query(tenant, "SELECT count(*) FROM rm_component_proposal WHERE tenant_code = ? "
                        + "AND status = ANY (?)" + ofAssessment(assessmentId, ""),
                statement -> filter(statement, tenant, statuses, assessmentId), row -> row.getInt(1)).get(0);
    }

    private static String ofAssessment(AssessmentId assessmentId, String alias) {
        return assessmentId == null ? "" : " AND " + alias + "assessment_id = ?";
    }

    /** Sets tenant, statuses and (when given) the assessment; answers the next parameter's index. */
    private static int filter(java.sql.PreparedStatement statement, MunicipalityCode tenant, List<String> statuses,
                              AssessmentId assessmentId) throws SQLException {
        statement.setString(1, tenant.value());
        statement.setArray(2, statement.getConnection().createArrayOf("text", statuses.toArray()));
        if (assessmentId == null) {
            return 3;
        }
        statement.setObject(3, assessmentId.value());
        return 4;
    }

    /**
     * The keyset of a {@link #proposals(MunicipalityCode, PageRequest, List)} cursor, each part checked (a crafted
     * cursor would otherwise reach PostgreSQL's casts and fail as an internal error).
     * @throws IllegalArgumentException for a cursor this list did not give
     */
    static String[] proposalPosition(String after) {
        String[] position = Cursors.decode(after).map(plain -> plain.split("\\|", 4)).orElse(new String[0]);
        try {
            if (position.length == 4) {
                Instant.parse(position[0]);
                UUID.fromString(position[1]);
                Integer.parseInt(position[3]);
                return position;
            }
        } catch (RuntimeException e) {
            // fall through: not one of this list's cursors
        }
        throw new IllegalArgumentException("after/before: not a cursor of this list");
    }

    private static UseRow use(ResultSet row) throws SQLException {
        Object similarity = row.getObject("similarity");
        return new UseRow(new AssessmentId(row.getObject("assessment_id", UUID.class)), row.getString("use_id"),
                row.getString("item_id"), strings(row.getArray("entry_ids")), row.getString("component_id"),
                row.getInt("version"), ComponentUseMode.valueOf(row.getString("mode")),
                ComponentRows.slotValues(row.getString("slot_values")),
                new RenderingOptions(Numbering.valueOf(row.getString("numbering")),
                        Brackets.valueOf(row.getString("brackets"))),
                row.getString("text"), similarity == null ? null : ((Number) similarity).doubleValue(),
                row.getTimestamp("inserted_at").toInstant());
    }

    private static ProposalRow proposal(ResultSet row) throws SQLException {
        java.sql.Timestamp decided = row.getTimestamp("decided_at");
        java.sql.Date until = row.getDate("deferred_until");
        return new ProposalRow(new AssessmentId(row.getObject("assessment_id", UUID.class)),
                row.getString("affair_name"), row.getString("use_id"), row.getString("component_id"),
                row.getInt("from_version"), row.getInt("to_version"), row.getString("status"),
                row.getTimestamp("raised_at").toInstant(), decided == null ? null : decided.toInstant(),
                row.getString("decided_by_name"), row.getString("reason"), until == null ? null : until.toLocalDate());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(Object::toString).toList();
    }
}
