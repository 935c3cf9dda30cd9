package jp.hyoka.server.rules;

import jakarta.inject.Singleton;
import jp.hyoka.domain.rules.incidents.SeriousIncident;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.database.PageRequest;
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
                              Actor recordedBy, Instant recordedAt, long position) {
    }

    private final TenantQueries queries;

    public SeriousIncidentQueries(TenantScopedReads reads) {
        this.queries = new TenantQueries(reads);
    }

    /** Latest discovery first. */
    public List<IncidentRow> incidents(MunicipalityCode tenant) {
        return incidents(tenant, new PageRequest(Integer.MAX_VALUE - 1, null, false)).items().stream()
                .map(Page.Cursored::item).toList();
    }

    /** The page {@code request} names, latest discovery first: keyset on (discovered_on, position), descending. */
    public Page<IncidentRow> incidents(MunicipalityCode tenant, PageRequest request) {
        Object[] position = position(request);
        List<IncidentRow> rows = queries.query(tenant, """
                SELECT incident_id, discovered_on, specific_personal_information, summary, recorded_by_id,
                    recorded_by_name, recorded_at, position
                FROM rm_serious_incident WHERE tenant_code = ? AND (discovered_on, position) %s (?, ?)
                ORDER BY discovered_on %s, position %s LIMIT ?"""
                        .formatted(request.beyondDescending(), request.descending(), request.descending()),
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, position[0]);
                    statement.setLong(3, (Long) position[1]);
                    statement.setInt(4, request.size() + 1);
                },
                row -> new IncidentRow(row.getObject(1, UUID.class), row.getDate(2).toLocalDate(), row.getBoolean(3),
                        row.getString(4), new Actor(row.getString(5), row.getString(6)),
                        row.getTimestamp(7).toInstant(), row.getLong(8)));
        return Page.read(rows, request, row -> row.discoveredOn() + "|" + row.position());
    }

    /** Where a page starts: the cursor's (discovered_on, position), or beyond the newest / before the oldest. */
    private static Object[] position(PageRequest request) {
        if (request.cursor() == null) {
            return request.backward() ? new Object[]{LocalDate.of(1, 1, 1), Long.MIN_VALUE}
                    : new Object[]{LocalDate.of(9999, 12, 31), Long.MAX_VALUE};
        }
        String[] parts = Cursors.decode(request.cursor()).map(plain -> plain.split("\\|", 2)).orElse(new String[0]);
        try {
            if (parts.length == 2) {
                return new Object[]{LocalDate.parse(parts[0]), Long.parseLong(parts[1])};
            }
        } catch (RuntimeException e) {
            // fall through: not one of this list's cursors
        }
        throw new ApiException(ApiException.BAD_USER_INPUT, "not a cursor of this list: " + request.cursor());
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
