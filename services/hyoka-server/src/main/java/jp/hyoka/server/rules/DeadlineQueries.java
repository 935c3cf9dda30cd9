package jp.hyoka.server.rules;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.rules.deadlines.DeadlineFacts;
import jp.hyoka.domain.rules.deadlines.Publication;
import jp.hyoka.domain.rules.incidents.SeriousIncident;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.database.TenantScopedReads;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the deadlines are computed from, read under the caller's tenant (row-level security): Hyoka's own
 * publications (rm_publication: 公表日, and whether a (re-)assessment); the dates of imported 変更箇所 rows, a date
 * with a 事前 row counting as a re-assessment; and the last 公表日 (rm_assessment: an imported cover's too), which
 * says nothing of re-assessment.
 */
@Singleton
public class DeadlineQueries {

    private final TenantScopedReads reads;
    private final SeriousIncidentQueries incidents;

    public DeadlineQueries(TenantScopedReads reads, SeriousIncidentQueries incidents) {
        this.reads = reads;
        this.incidents = incidents;
    }

    /**
     * What every assessment's deadlines count from, by assessment id: its publications and end (rm_affair_end), and
     * the municipality's 重大事故, which concern every assessment (published or not) while there are any.
     */
    public Map<AssessmentId, DeadlineFacts> facts(MunicipalityCode tenant) {
        Map<AssessmentId, List<Publication>> published = publications(tenant);
        Map<AssessmentId, LocalDate> ended = affairEnds(tenant, null);
        List<SeriousIncident> incidents = this.incidents.discoveries(tenant);
        Map<AssessmentId, LocalDate> started = startedOn(tenant, null);
        Set<AssessmentId> concerned = new HashSet<>(published.keySet());
        concerned.addAll(ended.keySet());
        if (!incidents.isEmpty()) {
            concerned.addAll(started.keySet());
        }
        Map<AssessmentId, DeadlineFacts> facts = new HashMap<>();
        for (AssessmentId id : concerned) {
            facts.put(id, new DeadlineFacts(published.getOrDefault(id, List.of()), ended.get(id), incidents,
                    started.get(id)));
        }
        return facts;
    }

    /** One assessment's facts. */
    public DeadlineFacts facts(MunicipalityCode tenant, AssessmentId id) {
        return new DeadlineFacts(publications(tenant, id), affairEnds(tenant, id.value()).get(id),
                incidents.discoveries(tenant), startedOn(tenant, id.value()).get(id));
    }

    /** The day the assessment's 事務 ended, if it did. */
    public Optional<LocalDate> affairEndedOn(MunicipalityCode tenant, AssessmentId id) {
        return Optional.ofNullable(affairEnds(tenant, id.value()).get(id));
    }

    private Map<AssessmentId, LocalDate> affairEnds(MunicipalityCode tenant, UUID only) {
        return reads.read(tenant, connection -> {
            Map<AssessmentId, LocalDate> ended = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT assessment_id, ended_on FROM rm_affair_end
                    WHERE tenant_code = ? AND (?::uuid IS NULL OR assessment_id = ?::uuid)""")) {
                select.setString(1, tenant.value());
                select.setObject(2, only);
                select.setObject(3, only);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ended.put(new AssessmentId(row.getObject(1, UUID.class)), row.getDate(2).toLocalDate());
                    }
                }
            }
            return ended;
        });
    }

    /** The day each assessment was started, in Japan. */
    private Map<AssessmentId, LocalDate> startedOn(MunicipalityCode tenant, UUID only) {
        return reads.read(tenant, connection -> {
            Map<AssessmentId, LocalDate> started = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT assessment_id, (created_at AT TIME ZONE 'Asia/Tokyo')::date FROM rm_assessment
                    WHERE tenant_code = ? AND (?::uuid IS NULL OR assessment_id = ?::uuid)""")) {
                select.setString(1, tenant.value());
                select.setObject(2, only);
                select.setObject(3, only);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        started.put(new AssessmentId(row.getObject(1, UUID.class)), row.getDate(2).toLocalDate());
                    }
                }
            }
            return started;
        });
    }

    /** The publications of every assessment of the tenant (only those with any), by assessment id. */
    public Map<AssessmentId, List<Publication>> publications(MunicipalityCode tenant) {
        return publications(tenant, (UUID) null);
    }

    /** One assessment's publications (empty: never published). */
    public List<Publication> publications(MunicipalityCode tenant, AssessmentId id) {
        return publications(tenant, id.value()).getOrDefault(id, List.of());
    }

    /** {@code only} null: every assessment's. */
    private Map<AssessmentId, List<Publication>> publications(MunicipalityCode tenant, UUID only) {
        return reads.read(tenant, connection -> {
            Map<AssessmentId, List<Publication>> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT assessment_id, changed_on, bool_or(timing = 'BEFORE') FROM rm_past_change
                    WHERE tenant_code = ? AND (?::uuid IS NULL OR assessment_id = ?::uuid) AND changed_on IS NOT NULL
                    GROUP BY assessment_id, changed_on
                    UNION ALL
                    SELECT assessment_id, published_on, reassessment FROM rm_publication
                    WHERE tenant_code = ? AND (?::uuid IS NULL OR assessment_id = ?::uuid)
                    UNION ALL
                    SELECT assessment_id, published_on, false FROM rm_assessment
                    WHERE tenant_code = ? AND (?::uuid IS NULL OR assessment_id = ?::uuid)
                        AND published_on IS NOT NULL""")) {
                for (int offset : new int[]{0, 3, 6}) {
                    select.setString(offset + 1, tenant.value());
                    select.setObject(offset + 2, only);
                    select.setObject(offset + 3, only);
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.computeIfAbsent(new AssessmentId(row.getObject(1, UUID.class)), id -> new ArrayList<>())
                                .add(new Publication(row.getDate(2).toLocalDate(), row.getBoolean(3)));
                    }
                }
            }
            return found;
        });
    }
}
