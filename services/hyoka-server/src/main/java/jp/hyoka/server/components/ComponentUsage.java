package jp.hyoka.server.components;

import jakarta.inject.Singleton;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.database.PageRequest;
import jp.hyoka.server.database.TenantScopedReads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where a shared component is used (rm_component_use, rm_component_proposal, rm_component_fan_out), as counts only:
 * never a section's text, never a document id. With a municipality ({@code tenant} not null) every read is
 * tenant-scoped (row-level security on top of the query's own tenant filter), so a municipality's caller counts
 * its own documents only; without one (a platform operator) the counts run on the login role across every
 * municipality, by aggregate SQL that returns nothing but numbers and municipality codes.
 */
@Singleton
public class ComponentUsage {

    public record VersionCounts(int version, int locked, int adapted, int detached) {
    }

    public record ProposalCounts(int pending, int deferred, int adopted, int declined, int superseded) {
    }

    /** The counts of {@code ComponentUsage} but byMunicipality, read at once; {@code scope} reads that page. */
    public record Summary(String componentId, MunicipalityCode scope, int totalCount, int documents,
                          int municipalities, List<VersionCounts> byVersion, ProposalCounts proposals) {
    }

    public record MunicipalityCounts(MunicipalityCode code, int documents, int locked, int adapted, int detached,
                                     int pending, int deferred, int adopted, int declined) {
    }

    public record FanOut(int proposals, int documents, int municipalities, Instant raisedAt) {
    }

    private final DataSource dataSource;
    private final TenantScopedReads tenantReads;

    public ComponentUsage(DataSource dataSource, TenantScopedReads tenantReads) {
        this.dataSource = dataSource;
        this.tenantReads = tenantReads;
    }

    /** The component's uses and proposals; {@code tenant}: only that municipality's, null: every municipality's. */
    public Summary summary(String componentId, MunicipalityCode tenant) {
        String scope = tenant == null ? "" : " AND tenant_code = ?";
        return read(tenant, connection -> {
            List<VersionCounts> byVersion = new ArrayList<>();
            try (PreparedStatement select = prepare(connection, """
                    SELECT version, count(*) FILTER (WHERE mode = 'LOCKED'), count(*) FILTER (WHERE mode = 'ADAPTED'),
                        count(*) FILTER (WHERE mode = 'DETACHED')
                    FROM rm_component_use WHERE component_id = ?""" + scope + " GROUP BY version ORDER BY version",
                    componentId, tenant);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byVersion.add(new VersionCounts(rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getInt(4)));
                }
            }
            int[] totals = counts(prepare(connection, """
                    SELECT count(*), count(DISTINCT assessment_id), count(DISTINCT tenant_code)
                    FROM rm_component_use WHERE component_id = ?""" + scope, componentId, tenant), 3);
            int[] proposals = counts(prepare(connection, """
                    SELECT count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'DEFERRED'),
                        count(*) FILTER (WHERE status = 'ADOPTED'), count(*) FILTER (WHERE status = 'DECLINED'),
                        count(*) FILTER (WHERE status = 'SUPERSEDED')
                    FROM rm_component_proposal WHERE component_id = ?""" + scope, componentId, tenant), 5);
            return new Summary(componentId, tenant, totals[0], totals[1], totals[2], List.copyOf(byVersion),
                    new ProposalCounts(proposals[0], proposals[1], proposals[2], proposals[3], proposals[4]));
        });
    }

    /**
     * Per municipality with a use or a proposal of the component, in code order; {@code after} a cursor of this
     * list or null; {@code version}, when not null, counts only the uses on that version and the proposals of it. A
     * municipality's caller gets at most its own row.
     */
    public Page<MunicipalityCounts> byMunicipality(String componentId, MunicipalityCode tenant, Integer version,
                                                   int first, String after) {
        String from = after == null ? "" : Cursors.decode(after).filter(MunicipalityCode::isValid)
                .orElseThrow(() -> new IllegalArgumentException("after: not a cursor of this list"));
        String scope = " AND tenant_code > ?" + (tenant == null ? "" : " AND tenant_code = ?");
        String usesOf = version == null ? "" : " AND version = ?";
        String proposalsOf = version == null ? "" : " AND to_version = ?";
        String sql = """
                WITH uses AS (
                    SELECT tenant_code, count(DISTINCT assessment_id) AS documents,
                        count(*) FILTER (WHERE mode = 'LOCKED') AS locked,
                        count(*) FILTER (WHERE mode = 'ADAPTED') AS adapted,
                        count(*) FILTER (WHERE mode = 'DETACHED') AS detached
                    FROM rm_component_use WHERE component_id = ?%1$s%2$s GROUP BY tenant_code),
                proposals AS (
                    SELECT tenant_code, count(*) FILTER (WHERE status = 'PENDING') AS pending,
                        count(*) FILTER (WHERE status = 'DEFERRED') AS deferred,
                        count(*) FILTER (WHERE status = 'ADOPTED') AS adopted,
                        count(*) FILTER (WHERE status = 'DECLINED') AS declined
                    FROM rm_component_proposal WHERE component_id = ?%1$s%3$s GROUP BY tenant_code)
                SELECT tenant_code, coalesce(documents, 0), coalesce(locked, 0), coalesce(adapted, 0),
                    coalesce(detached, 0), coalesce(pending, 0), coalesce(deferred, 0), coalesce(adopted, 0),
                    coalesce(declined, 0)
                FROM uses FULL JOIN proposals USING (tenant_code)
                ORDER BY tenant_code LIMIT ?""".formatted(scope, usesOf, proposalsOf);
        List<MunicipalityCounts> rows = read(tenant, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int index = 1;
                for (int part = 0; part < 2; part++) {
                    select.setString(index++, componentId);
                    select.setString(index++, from);
                    if (tenant != null) {
                        select.setString(index++, tenant.value());
                    }
                    if (version != null) {
                        select.setInt(index++, version);
                    }
                }
                select.setInt(index, first + 1);
                List<MunicipalityCounts> result = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        result.add(new MunicipalityCounts(new MunicipalityCode(row.getString(1)), row.getInt(2),
                                row.getInt(3), row.getInt(4), row.getInt(5), row.getInt(6), row.getInt(7),
                                row.getInt(8), row.getInt(9)));
                    }
                }
                return result;
            }
        });
        return Page.read(rows, new PageRequest(first, after, false), counts -> counts.code().value());
    }

    /** What the publication of the version raised; empty before it was published. Platform-wide counts. */
    public Optional<FanOut> fanOut(String componentId, int version) {
        return read(null, connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT proposals, documents, municipalities, raised_at FROM rm_component_fan_out
                    WHERE component_id = ? AND version = ?""")) {
                select.setString(1, componentId);
                select.setInt(2, version);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new FanOut(row.getInt(1), row.getInt(2), row.getInt(3),
                            row.getTimestamp(4).toInstant())) : Optional.empty();
                }
            }
        });
    }

    private <T> T read(MunicipalityCode tenant, TenantScopedReads.Work<T> work) {
        if (tenant != null) {
            return tenantReads.read(tenant, work);
        }
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("component usage read failed", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String componentId,
                                             MunicipalityCode tenant) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, componentId);
        if (tenant != null) {
            statement.setString(2, tenant.value());
        }
        return statement;
    }

    private static int[] counts(PreparedStatement statement, int columns) throws SQLException {
        try (statement; ResultSet row = statement.executeQuery()) {
            row.next();
            int[] counts = new int[columns];
            for (int i = 0; i < columns; i++) {
                counts[i] = row.getInt(i + 1);
            }
            return counts;
        }
    }
}
