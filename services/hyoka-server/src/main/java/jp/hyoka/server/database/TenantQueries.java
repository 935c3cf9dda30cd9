package jp.hyoka.server.database;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-model queries for one municipality. Every read runs scoped to the caller's municipality (row-level
 * security, {@link TenantScopedReads}), on top of the tenant filter each query states: either one alone would keep
 * other municipalities' rows out. There is no method that reads across tenants.
 */
public final class TenantQueries {

    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final TenantScopedReads reads;

    public TenantQueries(TenantScopedReads reads) {
        this.reads = reads;
    }

    public <T> List<T> query(MunicipalityCode tenant, String sql, Binder binder, RowMapper<T> mapper) {
        return reads.query(tenant, sql, binder, statement -> {
            try (ResultSet rows = statement.getResultSet()) {
                return rows(rows, mapper);
            }
        });
    }

    /** Every row of {@code rows}, mapped. */
    public static <T> List<T> rows(ResultSet rows, RowMapper<T> mapper) throws SQLException {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
            result.add(mapper.map(rows));
        }
        return result;
    }

    /** How many rows of one assessment a read-model table (with tenant_code and assessment_id columns) holds. */
    public int countOfAssessment(MunicipalityCode tenant, String table, AssessmentId id) {
        return query(tenant, "SELECT count(*) FROM " + table + " WHERE tenant_code = ? AND assessment_id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                }, row -> row.getInt(1)).get(0);
    }
}
