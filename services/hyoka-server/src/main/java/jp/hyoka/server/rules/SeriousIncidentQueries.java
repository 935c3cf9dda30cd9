package jp.hyoka.server.rules;

import jakarta.inject.Singleton;
import jp.hyoka.domain.rules.incidents.SeriousIncident;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.database.TenantQueries;
import jp.hyoka.server.database.TenantScopedReads;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The municipality's 重大事故 (rm_serious_incident), read under the caller's tenant (row-level security). */
@Singleton
public class SeriousIncidentQueries {

    /** One recorded 重大事故. */
    public record IncidentRow(UUID id, LocalDate discoveredOn, boolean specificPersonalInformation, String summary,
                              Actor recordedBy, Instant recordedAt) {
    }

    private final TenantQueries queries;

    public SeriousIncidentQueries(TenantScopedReads reads) {
        this.queries = new TenantQueries(reads);
    }

    /** Latest discovery first. */
    public List<IncidentRow> incidents(MunicipalityCode tenant) {
        return queries.query(tenant, """
                SELECT incident_id, discovered_on, specific_personal_information, summary, recorded_by_id,
                    recorded_by_name, recorded_at
                FROM rm_serious_incident WHERE tenant_code = ? ORDER BY discovered_on DESC, position DESC""",
                statement -> statement.setString(1, tenant.value()),
                row -> new IncidentRow(row.getObject(1, UUID.class), row.getDate(2).toLocalDate(), row.getBoolean(3),
                        row.getString(4), new Actor(row.getString(5), row.getString(6)),
                        row.getTimestamp(7).toInstant()));
    }

    /** As the rules weigh them: every assessment's deadlines and しきい値 count from them. */
    public List<SeriousIncident> discoveries(MunicipalityCode tenant) {
        return incidents(tenant).stream()
                .map(row -> new SeriousIncident(row.discoveredOn(), row.specificPersonalInformation())).toList();
    }

    /** How many are projected: what read-your-writes waits for. */
    long count(MunicipalityCode tenant) {
        return queries.query(tenant, "SELECT count(*) FROM rm_serious_incident WHERE tenant_code = ?",
                statement -> statement.setString(1, tenant.value()), row -> row.getLong(1)).get(0);
    }
}
