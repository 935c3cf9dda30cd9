package jp.hyoka.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static jp.hyoka.server.support.AuditOperations.VERIFY;
import static jp.hyoka.server.support.AuditOperations.startAndAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with database access rewrites one stored answer behind the application's back. The chain shows
 * exactly which event it was, and the other municipality's chain is untouched. (Its own class: the database
 * stays tampered.)
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperedEventIT extends SignedInServerTest {

    @Inject
    DataSource dataSource;

    private GraphQlClient asahikawaAuditor;

    @BeforeAll
    void bothMunicipalitiesEdit() {
        asahikawaAuditor = new GraphQlClient(server.getURI(), issuer.issue("a-auditor", "旭川 監査",
                Callers.ASAHIKAWA, List.of("auditor")));
        startAndAnswer(callers.kawasakiEditor, "住民基本台帳に関する事務", "市民課", "区政推進課", "戸籍住民課");
        startAndAnswer(callers.asahikawaEditor, "国民健康保険に関する事務", "保険課", "市民課");
    }

    @Test
    void givenOneStoredPayloadEditedBySql_whenVerified_thenExactlyThatLinkIsBrokenAndTheOtherChainStillHolds()
            throws SQLException {
        // Kawasaki's third event: the answer "区政推進課" (1: started, 2: 市民課, 3: 区政推進課, 4: 戸籍住民課).
        String eventId = linkColumn("event_identifier", 3);
        String storedHash = linkColumn("hash", 3);
        int changed = update("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'区政推進課', '総務課'), 'UTF8') WHERE eventidentifier = ?", eventId);

        JsonNode kawasaki = callers.kawasakiReader.data("verifyEventChain", VERIFY, Map.of());
        JsonNode asahikawa = asahikawaAuditor.data("verifyEventChain", VERIFY, Map.of());

        assertThat(changed).isEqualTo(1);
        assertThat(kawasaki.path("intact").asBoolean()).isFalse();
        assertThat(kawasaki.path("eventsVerified").asInt()).isEqualTo(2);
        assertThat(kawasaki.path("headHash").isNull()).isTrue();
        JsonNode broken = kawasaki.path("firstBrokenLink");
        assertThat(broken.path("position").asInt()).isEqualTo(3);
        assertThat(broken.path("eventId").asText()).isEqualTo(eventId);
        assertThat(broken.path("reason").asText()).isEqualTo("EVENT_CHANGED");
        assertThat(broken.path("storedHash").asText()).isEqualTo(storedHash);
        assertThat(broken.path("expectedHash").asText()).matches("[0-9a-f]{64}").isNotEqualTo(storedHash);
        assertThat(asahikawa.path("intact").asBoolean()).isTrue();
        assertThat(asahikawa.path("eventsVerified").asInt()).isEqualTo(3);
    }

    private String linkColumn(String column, int position) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + column
                     + " FROM event_chain WHERE tenant_code = '141305' AND chain_position = ?")) {
            select.setInt(1, position);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private int update(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, parameter);
            return update.executeUpdate();
        }
    }
}
