package jp.hyoka.server.integration;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentCommands;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.ChainAndOutbox;
import jp.hyoka.server.support.LockWaits;
import jp.hyoka.server.support.SignedInServerTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox positions of one municipality follow its commit order (infra/docs/guarantees.md): an append draws its
 * outbox row's position only once it holds the municipality's chain head, which it keeps until its commit, so the
 * chain (the commit order) and the outbox positions agree. Before, the row was written in the insert's round trip
 * before the head's lock, and appends queued on the head committed in another order than their positions.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxCommitOrderIT extends SignedInServerTest {

    private static final MunicipalityCode YOKOHAMA = new MunicipalityCode("141003");
    private static final MunicipalityCode SUMIDA = new MunicipalityCode("131075");
    private static final List<MunicipalityCode> MUNICIPALITIES =
            List.of(Callers.KAWASAKI, Callers.ASAHIKAWA, YOKOHAMA, SUMIDA);

    @Inject
    AssessmentCommands commands;
    @Inject
    CommandGateway gateway;
    @Inject
    DataSource dataSource;

    @BeforeAll
    void registerMore() {
        tenants.register(YOKOHAMA, "横浜市");
        tenants.register(SUMIDA, "墨田区");
    }

    @Test
    void givenStartsQueuedOnTheirMunicipalitysChainHead_whenTheHeadIsFreed_thenTheirOutboxPositionsFollowTheChain()
            throws Exception {
        int queued = 8;
        start(Callers.ASAHIKAWA);                                    // the head exists, so it can be held
        ExecutorService writers = Executors.newFixedThreadPool(queued);
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        try (Connection head = dataSource.getConnection()) {
            LockWaits.holdChainHead(head, Callers.ASAHIKAWA.value());
            for (int i = 0; i < queued; i++) {
                starts.add(CompletableFuture.runAsync(() -> start(Callers.ASAHIKAWA), writers));
            }
            LockWaits.await(dataSource, queued, Duration.ofSeconds(60));  // all inserted their event, all wait
            head.rollback();
        } finally {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
            writers.shutdown();
        }

        List<ChainAndOutbox.Link> links = ChainAndOutbox.links(dataSource, Callers.ASAHIKAWA.value());
        assertThat(links).as("every start linked").hasSizeGreaterThanOrEqualTo(queued + 1)
                .allSatisfy(link -> assertThat(link.outboxPositions()).as("its outbox row").hasSize(1));
        assertThat(ChainAndOutbox.outOfChainOrder(links)).as("outbox positions against the chain's order").isEmpty();
    }

    @Test
    void givenManyWritersOfSeveralMunicipalities_whenTheyStartAssessmentsAtOnce_thenEachMunicipalitysOutboxFollowsItsChain()
            throws Exception {
        int writersPerMunicipality = 3;
        int startsEach = 8;
        ExecutorService writers = Executors.newFixedThreadPool(writersPerMunicipality * MUNICIPALITIES.size());
        List<CompletableFuture<Void>> running = new ArrayList<>();
        try {
            for (MunicipalityCode municipality : MUNICIPALITIES) {
                for (int writer = 0; writer < writersPerMunicipality; writer++) {
                    running.add(CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < startsEach; i++) {
                            start(municipality);
                        }
                    }, writers));
                }
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } finally {
            writers.shutdown();
        }

        for (MunicipalityCode municipality : MUNICIPALITIES) {
            List<ChainAndOutbox.Link> links = ChainAndOutbox.links(dataSource, municipality.value());
            assertThat(links).as("%s: every start linked, each with its outbox row", municipality)
                    .hasSizeGreaterThanOrEqualTo(writersPerMunicipality * startsEach)
                    .allSatisfy(link -> assertThat(link.outboxPositions()).hasSize(1));
            assertThat(ChainAndOutbox.outOfChainOrder(links)).as("%s: outbox positions against the chain's order",
                    municipality).isEmpty();
        }
    }

    private void start(MunicipalityCode municipality) {
        gateway.sendAndWait(new StartAssessment(commands.nextAssessmentId(), municipality, FormKind.KEY_ITEMS,
                "住民記録事務", new Actor("order-editor", "順序 確認"), Instant.now(), null));
    }
}
