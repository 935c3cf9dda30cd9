package jp.hyoka.server.components;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AdoptionMerge;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.components.Brackets;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.ComponentVersionStatus;
import jp.hyoka.domain.components.Numbering;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.ComponentNotFound;
import jp.hyoka.domain.rejection.ComponentVersionNotFound;
import jp.hyoka.domain.rejection.Rejection;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The dry run of a publication (issue 16, "impact before publishing"): what publishing a version would raise, per
 * municipality, counted without storing or telling anything. The uses that would receive a proposal are the ones
 * the fan-out takes ({@link ComponentUseProjection}): locked or adapted uses of an older version. A locked use takes
 * the new text as it is; an adapted one is merged as adoption would merge it ({@code ThreeWayMerge} of the version
 * it is on and the candidate, both rendered with the use's slot values and printing style, with the use's text),
 * and counted as clean or conflicting. Only counts leave this class, never a text.
 *
 * <p>Cost: one streamed query over the component's followed uses of older versions (adapted texts only), the two
 * renderings per distinct (version, slot values, style) computed once, and a merge per adapted use only.
 */
@Singleton
public class ComponentImpact {

    private static final int FETCH_SIZE = 500;

    /** A dry run's answer: the counts, or why there are none. */
    public sealed interface Outcome {
    }

    public record Refused(Rejection rejection) implements Outcome {
    }

    public record Counted(String componentId, int version, ComponentVersionStatus status,
                          List<MunicipalityImpact> byMunicipality) implements Outcome {
        public int proposals() {
            return byMunicipality.stream().mapToInt(MunicipalityImpact::proposals).sum();
        }

        public int documents() {
            return byMunicipality.stream().mapToInt(MunicipalityImpact::documents).sum();
        }

        public int municipalities() {
            return byMunicipality.size();
        }

        public int locked() {
            return byMunicipality.stream().mapToInt(MunicipalityImpact::locked).sum();
        }

        public int cleanMerges() {
            return byMunicipality.stream().mapToInt(MunicipalityImpact::cleanMerges).sum();
        }

        public int conflicts() {
            return byMunicipality.stream().mapToInt(MunicipalityImpact::conflicts).sum();
        }
    }

    /** One municipality's share: uses that would receive a proposal, in how many documents, and how they merge. */
    public record MunicipalityImpact(MunicipalityCode code, int documents, int proposals, int locked,
                                     int cleanMerges, int conflicts) {
    }

    private final DataSource dataSource;
    private final SharedComponentQueries catalogue;

    public ComponentImpact(DataSource dataSource, SharedComponentQueries catalogue) {
        this.dataSource = dataSource;
        this.catalogue = catalogue;
    }

    public Outcome of(String componentId, int version) {
        Optional<SharedComponent> found = ComponentId.isWellFormed(componentId)
                ? catalogue.find(componentId) : Optional.empty();
        if (found.isEmpty()) {
            return new Refused(new ComponentNotFound(componentId));
        }
        SharedComponent component = found.get();
        Optional<ComponentVersion> candidate = component.version(version);
        if (candidate.isEmpty()) {
            return new Refused(new ComponentVersionNotFound(componentId, version));
        }
        return new Counted(componentId, version, candidate.get().status(),
                count(component, candidate.get()));
    }

    private List<MunicipalityImpact> count(SharedComponent component, ComponentVersion candidate) {
        Renderings renderings = new Renderings(component, candidate);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);                // a cursor: rows are fetched FETCH_SIZE at a time
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT tenant_code, assessment_id, version, mode, slot_values, numbering, brackets,
                        CASE WHEN mode = 'ADAPTED' THEN text END
                    FROM rm_component_use
                    WHERE component_id = ? AND version < ? AND mode IN ('LOCKED', 'ADAPTED')
                    ORDER BY tenant_code""")) {
                select.setFetchSize(FETCH_SIZE);
                select.setString(1, component.id().value());
                select.setInt(2, candidate.number());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Tally tally = tallies.computeIfAbsent(row.getString(1), code -> new Tally());
                        tally.documents.add(row.getObject(2, UUID.class));
                        if (row.getString(4).equals("LOCKED")) {
                            tally.locked++;
                        } else if (renderings.mergesCleanly(row.getInt(3), row.getString(5),
                                new RenderingOptions(Numbering.valueOf(row.getString(6)),
                                        Brackets.valueOf(row.getString(7))), row.getString(8))) {
                            tally.clean++;
                        } else {
                            tally.conflicts++;
                        }
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("component impact read failed", e);
        }
        List<MunicipalityImpact> impacts = new ArrayList<>();
        tallies.forEach((code, tally) -> impacts.add(new MunicipalityImpact(new MunicipalityCode(code),
                tally.documents.size(), tally.locked + tally.clean + tally.conflicts, tally.locked, tally.clean,
                tally.conflicts)));
        return List.copyOf(impacts);
    }

    private static final class Tally {
        private final Set<UUID> documents = new HashSet<>();
        private int locked;
        private int clean;
        private int conflicts;
    }

    /** Whether adapted uses merge cleanly with the candidate, as adoption would merge them (AdoptionMerge). */
    private static final class Renderings {
        private final SharedComponent component;
        private final ComponentVersion candidate;

        Renderings(SharedComponent component, ComponentVersion candidate) {
            this.component = component;
            this.candidate = candidate;
        }

        /**
         * Whether the adapted text merges with the candidate without a conflict. A use whose version or values no
         * longer render (not expected of projected rows) counts as a conflict: someone must look at it.
         */
        boolean mergesCleanly(int version, String slotValuesJson, RenderingOptions style, String text) {
            try {
                Optional<ComponentVersion> base = component.version(version);
                if (base.isEmpty() || text == null) {
                    return false;
                }
                return AdoptionMerge.of(ComponentUseMode.ADAPTED, ComponentRows.slotValues(slotValuesJson), style,
                        text, base.get(), candidate, null).result().isClean();
            } catch (CommandRejected e) {
                return false;
            }
        }
    }
}
