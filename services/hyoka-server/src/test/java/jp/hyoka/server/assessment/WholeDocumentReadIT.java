package jp.hyoka.server.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.graphql.GraphQlWorkers;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Operations;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole-document read costs a fixed, small number of database round trips, however many answers and entries the
 * document holds: the read path has no query per answer, entry or field (infra/docs/read-path.md).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeDocumentReadIT extends SignedInServerTest {

    /**
     * Statements, commits and rollbacks of one read by id, few fields or the whole document: one execution of the
     * read transaction's BEGIN, scope (role and municipality), SELECT(s) and ROLLBACK, which the driver sends before
     * one Sync (read-path.md). A separate commit, rollback or scope statement would each be one more.
     */
    static final int MOST_ROUND_TRIPS = 1;

    private static final String READ_FEW = """
            query($id: ID!) { assessment(id: $id) { id revision affairName updatedAt } }""";

    @Inject
    DocumentImport imports;
    @Inject
    DataSource dataSource;

    /** The execution's own reads: kept answers off (ResponseCacheIT counts the round trips of those). */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(CountingDriver.counting(super.getProperties()));
        properties.put("hyoka.graphql.response-cache.max-chars", "0");
        return properties;
    }

    @Test
    void givenAWholeDocumentAndAOneAnswerDocument_whenEachIsReadWhole_thenBothTakeTheSameFewRoundTrips()
            throws InterruptedException {
        String whole = importSample000();
        String small = callers.kawasakiEditor.data("startAssessment", Operations.START,
                Map.of("kind", "KEY_ITEMS", "name", "少ない文書")).path("assessment").path("id").asText();
        read(whole);
        read(small);                                           // warm: the form's caches, the pool's connections

        List<CountingDriver.RoundTrip> wholeTrips = roundTripsOfRead(whole);
        List<CountingDriver.RoundTrip> smallTrips = roundTripsOfRead(small);

        assertThat(read(whole).path("answers").size()).as("sample 000 is a whole document").isGreaterThan(200);
        assertThat(wholeTrips).as("round trips of a whole read of sample 000").hasSizeLessThanOrEqualTo(
                MOST_ROUND_TRIPS);
        assertThat(wholeTrips).hasSameSizeAs(smallTrips);
    }

    @Test
    void givenADocument_whenAFewOfItsFieldsAreRead_thenTheReadIsOneRoundTrip() throws InterruptedException {
        String whole = importSample000();
        readFew(whole);                                        // warm: the pool's connections

        int mark = CountingDriver.mark();
        JsonNode read = readFew(whole);
        List<CountingDriver.RoundTrip> trips = onWorkers(CountingDriver.since(mark));

        assertThat(read.path("revision").asLong()).isPositive();
        assertThat(Instant.parse(read.path("updatedAt").asText())).as("the row's instant, to the microsecond")
                .isEqualTo(updatedAtInTheTable(whole));
        assertThat(trips).as("round trips of a few-field read").hasSize(MOST_ROUND_TRIPS);
        assertThat(trips.get(0).sql()).as("the scope and the SELECT in one transaction")
                .startsWith("BEGIN").contains("set_config('hyoka.tenant'").contains("FROM rm_assessment")
                .endsWith("ROLLBACK");
    }

    @Test
    void givenADocumentOfAnotherMunicipality_whenReadWhole_thenItIsNotThere() throws InterruptedException {
        String whole = importSample000();

        assertThat(callers.asahikawaEditor.data("assessment", Operations.READ_WHOLE, Map.of("id", whole)).isNull())
                .isTrue();
    }

    private List<CountingDriver.RoundTrip> roundTripsOfRead(String id) {
        int mark = CountingDriver.mark();
        read(id);
        return onWorkers(CountingDriver.since(mark));
    }

    private static List<CountingDriver.RoundTrip> onWorkers(List<CountingDriver.RoundTrip> trips) {
        return trips.stream().filter(trip -> trip.thread().startsWith(GraphQlWorkers.THREAD_PREFIX)).toList();
    }

    private Instant updatedAtInTheTable(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT updated_at FROM rm_assessment WHERE assessment_id = ?")) {
            statement.setObject(1, AssessmentIds.parse(id).orElseThrow().value());
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getTimestamp(1).toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readFew(String id) {
        return callers.kawasakiEditor.data("assessment", READ_FEW, Map.of("id", id));
    }

    private JsonNode read(String id) {
        return callers.kawasakiEditor.data("assessment", Operations.READ_WHOLE, Map.of("id", id));
    }

    private String importSample000() throws InterruptedException {
        DocumentImport.Result result = imports.importDocument(new Caller(Callers.KAWASAKI,
                        new Actor("importer", "取込 太郎"), Set.of(Caller.EDITOR)), Samples.ALL_ITEMS_000,
                Samples.bytes(Samples.ALL_ITEMS_000), null, null, "read path");
        String id = ((EditOutcome.Edited) result.outcome()).assessmentId().value().toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (read(id).isNull()) {
            assertThat(System.nanoTime()).as("the imported document becomes readable").isLessThan(deadline);
            Thread.sleep(50);
        }
        return id;
    }
}
