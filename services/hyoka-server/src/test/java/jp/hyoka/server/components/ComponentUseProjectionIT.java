package jp.hyoka.server.components;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.assessment.command.AdoptComponentVersion;
import jp.hyoka.domain.assessment.command.ChangeComponentMode;
import jp.hyoka.domain.assessment.command.DeclineComponentProposal;
import jp.hyoka.domain.assessment.command.DeferComponentProposal;
import jp.hyoka.domain.assessment.command.RemoveRepeatEntry;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.ReadModelCatchUp;
import jp.hyoka.server.components.ComponentDocuments.Use;
import jp.hyoka.server.support.HyokaServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static jp.hyoka.server.components.ComponentDocuments.EDITOR;
import static jp.hyoka.server.components.ComponentDocuments.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The documents' component events and the catalogue's publications flow into rm_component_use and
 * rm_component_proposal through the read-model processor: the domain commands go through the server's command
 * gateway, the tables are read by SQL once the read models show the revision written. Each test uses a component of
 * its own, so the class shares one database.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComponentUseProjectionIT extends HyokaServerTest {

    private static final MunicipalityCode FIRST = ComponentDocuments.municipality(11);
    private static final MunicipalityCode SECOND = ComponentDocuments.municipality(12);

    @Inject
    ApplicationContext context;
    @Inject
    DataSource dataSource;
    @Inject
    ReadModelCatchUp catchUp;

    private ComponentDocuments documents;

    @BeforeAll
    void documents() {
        documents = new ComponentDocuments(context);
    }

    @Test
    void givenLockedAdaptedAndDetachedUses_whenANewVersionIsPublished_thenOnlyTheFollowedOnesGetAPendingProposal()
            throws SQLException {
        String component = "projection.fan-out";
        PublishedComponent v1 = published(documents.registerAndPublish(component), 1);
        Use locked = shown(documents.document(FIRST, v1, ComponentUseMode.LOCKED));
        Use adapted = shown(documents.document(SECOND, v1, ComponentUseMode.ADAPTED));
        Use detached = shown(documents.document(SECOND, v1, ComponentUseMode.DETACHED));
        assertThat(uses(component)).containsOnly(entry(locked.useId(), "1 LOCKED"), entry(adapted.useId(), "1 ADAPTED"),
                entry(detached.useId(), "1 DETACHED"));

        documents.draftAndSubmit(component, 2);
        assertThat(proposals(component, 2)).as("a version in review raises nothing").isEmpty();
        documents.publish(component, 2);

        assertThat(proposals(component, 2)).containsOnly(entry(locked.useId(), "PENDING"),
                entry(adapted.useId(), "PENDING"));
        assertThat(fanOut(component, 2)).isEqualTo(List.of(2, 2, 2));
    }

    @Test
    void givenPendingProposals_whenAdoptedDeclinedDeferredOrDetached_thenEachStatusFollowsAndTheNextVersionSupersedes()
            throws SQLException {
        String component = "projection.decisions";
        SharedComponent catalogue = documents.registerAndPublish(component);
        PublishedComponent v1 = published(catalogue, 1);
        Use adopting = shown(documents.document(FIRST, v1, ComponentUseMode.LOCKED));
        Use declining = shown(documents.document(FIRST, v1, ComponentUseMode.ADAPTED));
        Use deferring = shown(documents.document(SECOND, v1, ComponentUseMode.LOCKED));
        Use detaching = shown(documents.document(SECOND, v1, ComponentUseMode.LOCKED));
        documents.draftAndSubmit(component, 2);
        PublishedComponent v2 = published(documents.publish(component, 2), 2);
        Instant now = Instant.now();

        Use adopted = shown(adopting, documents.send(new AdoptComponentVersion(adopting.assessmentId(), FIRST,
                adopting.revision(), adopting.useId(), v1, v2, List.of(), null, null, null, null, EDITOR, now)));
        shown(declining, documents.send(new DeclineComponentProposal(declining.assessmentId(), FIRST,
                declining.revision(), declining.useId(), v2, "当団体の設置場所は変わらないため", EDITOR, now)));
        shown(deferring, documents.send(new DeferComponentProposal(deferring.assessmentId(), SECOND,
                deferring.revision(), deferring.useId(), v2, LocalDate.of(2026, 3, 31), "次の評価の見直しで判断する",
                EDITOR, now)));
        shown(detaching, documents.send(new ChangeComponentMode(detaching.assessmentId(), SECOND,
                detaching.revision(), detaching.useId(), v1, ComponentUseMode.DETACHED, null, null, "独自の記載にする",
                EDITOR, now)));

        assertThat(proposals(component, 2)).containsOnly(entry(adopting.useId(), "ADOPTED"),
                entry(declining.useId(), "DECLINED"), entry(deferring.useId(), "DEFERRED"),
                entry(detaching.useId(), "SUPERSEDED"));
        assertThat(uses(component)).containsOnly(entry(adopting.useId(), "2 LOCKED"),
                entry(declining.useId(), "1 ADAPTED"), entry(deferring.useId(), "1 LOCKED"),
                entry(detaching.useId(), "1 DETACHED"));
        assertThat(adopted.revision()).isGreaterThan(adopting.revision());

        documents.draftAndSubmit(component, 3);
        documents.publish(component, 3);

        assertThat(proposals(component, 2)).as("decisions stay; what was open is moot").containsOnly(
                entry(adopting.useId(), "ADOPTED"), entry(declining.useId(), "DECLINED"),
                entry(deferring.useId(), "SUPERSEDED"), entry(detaching.useId(), "SUPERSEDED"));
        assertThat(proposals(component, 3)).as("every followed use, whatever it decided on v2").containsOnly(
                entry(adopting.useId(), "PENDING"), entry(declining.useId(), "PENDING"),
                entry(deferring.useId(), "PENDING"));
        assertThat(fanOut(component, 3)).isEqualTo(List.of(3, 3, 2));
    }

    @Test
    void givenVersionTwoIsOut_whenAUseOfVersionOneIsInserted_thenItGetsItsProposalAtOnce() throws SQLException {
        String component = "projection.late-use";
        PublishedComponent v1 = published(documents.registerAndPublish(component), 1);
        documents.draftAndSubmit(component, 2);
        documents.publish(component, 2);

        Use late = shown(documents.document(FIRST, v1, ComponentUseMode.ADAPTED));
        Use detached = shown(documents.document(FIRST, v1, ComponentUseMode.DETACHED));

        assertThat(proposals(component, 2)).containsOnly(entry(late.useId(), "PENDING"));
        assertThat(uses(component)).containsKey(detached.useId());
    }

    @Test
    void givenAUseInAFile_whenTheFileIsRemoved_thenTheUseGoesAndItsOpenProposalIsSuperseded() throws SQLException {
        String component = "projection.removed-entry";
        PublishedComponent v1 = published(documents.registerAndPublish(component), 1);
        Use removed = shown(documents.document(SECOND, v1, ComponentUseMode.LOCKED));
        Use kept = shown(documents.document(SECOND, v1, ComponentUseMode.LOCKED));
        documents.draftAndSubmit(component, 2);
        documents.publish(component, 2);

        shown(removed, documents.send(new RemoveRepeatEntry(removed.assessmentId(), SECOND, removed.revision(), "file",
                List.of(), removed.entryId(), "ファイルを統合した", EDITOR, Instant.now())));

        assertThat(uses(component)).containsOnlyKeys(kept.useId());
        assertThat(proposals(component, 2)).containsOnly(entry(removed.useId(), "SUPERSEDED"),
                entry(kept.useId(), "PENDING"));
    }

    private Use shown(Use use) {
        return shown(use, use.revision());
    }

    /** The use at {@code revision}, once the read models show that revision of its document. */
    private Use shown(Use use, long revision) {
        assertThat(catchUp.await(use.tenant(), use.assessmentId(), revision)).as("read models at %s", revision)
                .isTrue();
        return new Use(use.tenant(), use.assessmentId(), use.entryId(), use.useId(), use.mode(), revision);
    }

    /** use id → "version MODE" of the component's uses. */
    private Map<String, String> uses(String component) throws SQLException {
        return rows("SELECT use_id, version || ' ' || mode FROM rm_component_use WHERE component_id = ?",
                component, null);
    }

    /** use id → status of the proposals of version {@code to}. */
    private Map<String, String> proposals(String component, int to) throws SQLException {
        return rows("SELECT use_id, status FROM rm_component_proposal WHERE component_id = ? AND to_version = ?",
                component, to);
    }

    /** [proposals, documents, municipalities] of the publication of version {@code version}. */
    private List<Integer> fanOut(String component, int version) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT proposals, documents, municipalities "
                     + "FROM rm_component_fan_out WHERE component_id = ? AND version = ?")) {
            query.setString(1, component);
            query.setInt(2, version);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the fan-out of %s v%d", component, version).isTrue();
                return List.of(row.getInt(1), row.getInt(2), row.getInt(3));
            }
        }
    }

    private Map<String, String> rows(String sql, String component, Integer version) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, component);
            if (version != null) {
                query.setInt(2, version);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), row.getString(2));
                }
            }
        }
        return rows;
    }
}
