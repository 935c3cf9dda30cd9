package jp.hyoka.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.components.ComponentText;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dry run at the size the issue names (a smoke run: the time is logged, not asserted): 9,000 adapted uses of a
 * twelve-point component in 50 municipalities, each changing one point of its own; a v2 rewriting points 4 and 10
 * conflicts with the 1,500 uses that changed those and merges with the 7,500 others. The uses are written into
 * rm_component_use directly (inserting 9,000 through the domain would take the run's time, not the dry run's).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComponentImpactLoadIT extends SignedInServerTest {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentImpactLoadIT.class);
    private static final String COMPONENT = "intermediate-server-platform.impact-load";
    private static final int USES = 9_000;
    private static final int POINTS = 12;
    private static final int MUNICIPALITIES = 50;

    @Inject
    DataSource dataSource;
    @Inject
    SharedComponentQueries catalogue;

    @Test
    void givenNineThousandAdaptedUses_whenTheImpactOfAVersionIsAsked_thenEachIsMergedAndCounted() throws SQLException {
        GraphQlClient operator = new GraphQlClient(server.getURI(),
                issuer.issue("op-load", "運営 三郎", null, List.of("platform-operator")));
        operator.data("registerSharedComponent", """
                mutation($id: ID!) { registerSharedComponent(input: {componentId: $id,
                    family: "intermediate-server-platform", name: "中間サーバー・プラットフォームにおける措置 (負荷)",
                    issuer: "J-LIS", fits: [{kind: KEY_ITEMS, version: "2025", itemId: "file.storage.location"}]}) {
                  __typename } }""", Map.of("id", COMPONENT));
        for (int version = 1; version <= 2; version++) {
            String text = text(version);
            operator.data("draftComponentVersion", """
                    mutation($id: ID!, $version: Int!, $text: String!) { draftComponentVersion(input: {componentId: $id,
                        version: $version, text: $text, effectiveFrom: "2025-04-01", note: "J-LISからの通知",
                        timing: BEFORE, explanation: "更改に伴う変更"}) { __typename } }""",
                    Map.of("id", COMPONENT, "version", version, "text", text));
            if (version == 1) {
                for (String step : List.of("submitComponentVersion", "publishComponentVersion")) {
                    operator.data(step, "mutation($id: ID!) { " + step + "(input: {componentId: $id, version: 1}) "
                            + "{ __typename } }", Map.of("id", COMPONENT));
                }
            }
        }
        ComponentVersion v1 = catalogue.find(COMPONENT).orElseThrow().version(1).orElseThrow();
        insertAdaptedUses(ComponentText.renderKeepingSlots(v1, Map.of(), RenderingOptions.DEFAULT));

        long started = System.nanoTime();
        JsonNode impact = operator.data("componentImpact", """
                query($id: ID!) { componentImpact(componentId: $id, version: 2) { ... on ComponentImpact {
                    proposals documents municipalities locked cleanMerges conflicts byMunicipality { proposals } } } }""",
                Map.of("id", COMPONENT));
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Dry run of {} adapted uses in {} municipalities: {} ms", USES, MUNICIPALITIES, millis);

        assertThat(impact.path("proposals").asInt()).as(impact.toString()).isEqualTo(USES);
        assertThat(impact.path("documents").asInt()).isEqualTo(USES);
        assertThat(impact.path("municipalities").asInt()).isEqualTo(MUNICIPALITIES);
        assertThat(impact.path("locked").asInt()).isZero();
        assertThat(impact.path("conflicts").asInt()).isEqualTo(USES * 2 / POINTS);
        assertThat(impact.path("cleanMerges").asInt()).isEqualTo(USES - USES * 2 / POINTS);
        assertThat(impact.path("byMunicipality").findValuesAsText("proposals"))
                .hasSize(MUNICIPALITIES).containsOnly(String.valueOf(USES / MUNICIPALITIES));
    }

    /** Twelve points; version 2 rewrites points 4 and 10. */
    private static String text(int version) {
        StringBuilder text = new StringBuilder("<p>{{[}}中間サーバー・プラットフォームにおける措置{{]}}</p>");
        for (int point = 1; point <= POINTS; point++) {
            text.append("<p>{{#}}").append(point(point, version == 2 && (point == 4 || point == 10))).append("</p>");
        }
        return text.toString();
    }

    private static String point(int point, boolean rewritten) {
        return rewritten ? "第" + point + "項の措置は、ISMAPに登録されたクラウドサービス事業者の環境で講じる。"
                : "第" + point + "項の措置として、中間サーバー・プラットフォームの設置場所への入退室者管理を行う。";
    }

    /** Use {@code i} changes point {@code i % 12 + 1} in its own words. */
    private void insertAdaptedUses(String rendered) throws SQLException {
        List<String> municipalities = new ArrayList<>();
        for (int i = 0; i < MUNICIPALITIES; i++) {
            String five = String.format("%05d", 10_000 + i * 10);
            municipalities.add(new MunicipalityCode(five + MunicipalityCode.checkDigit(five)).value());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO rm_component_use (tenant_code, assessment_id, use_id, item_id, entry_ids, component_id,
                         version, mode, slot_values, numbering, brackets, text, inserted_at, updated_at)
                     VALUES (?, ?, 'use-1', 'file.storage.location', '{}', ?, 1, 'ADAPTED', '{}'::jsonb, 'CIRCLED',
                         'ASCII', ?, now(), now())""")) {
            for (int i = 0; i < USES; i++) {
                int point = i % POINTS + 1;
                String own = point(point, false);
                insert.setString(1, municipalities.get(i % MUNICIPALITIES));
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, COMPONENT);
                insert.setString(4, rendered.replace(own, own.replace("入退室者管理を行う。", "入退室者管理を行い、記録を" + i
                        + "日保存する。")));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
