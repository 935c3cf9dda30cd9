package jp.hyoka.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.ChainAndOutbox;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.SecondNode;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

import static jp.hyoka.server.support.AuditOperations.VERIFY;
import static jp.hyoka.server.support.Operations.ANSWER;
import static jp.hyoka.server.support.Operations.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server nodes on one PostgreSQL append to one municipality's hash chain at once: the head's lock (in the
 * database, not in a node) serialises them, so the chain comes out whole — every event linked once, no fork, every
 * hash recomputed equal by the product's own verifier on either node — and the outbox holds one row per event told
 * outside, by position in the chain's order (infra/docs/hash-chain.md, infra/docs/guarantees.md).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainAcrossNodesIT extends SignedInServerTest {

    private static final int WRITERS_PER_NODE = 3;
    private static final int ANSWERS_EACH = 5;

    @Inject
    ApplicationContext context;
    @Inject
    DataSource dataSource;

    private SecondNode second;

    @BeforeAll
    void secondNode() {
        second = SecondNode.on(context);
    }

    @AfterAll
    void stopSecondNode() {
        second.close();
    }

    @Test
    void givenEditorsOfOneMunicipalityOnTwoNodes_whenTheyEditAtOnce_thenItsChainVerifiesWhole_andItsOutboxFollowsIt()
            throws Exception {
        List<GraphQlClient> editors = List.of(callers.kawasakiEditor,
                second.client("k-editor-b", "川崎 三郎", Callers.KAWASAKI, List.of("editor")));
        List<GraphQlClient> auditors = List.of(callers.kawasakiReader,
                second.client("k-auditor-b", "川崎 監査二", Callers.KAWASAKI, List.of("auditor")));
        long before = auditors.get(0).data("verifyEventChain", VERIFY, Map.of()).path("eventsVerified").asLong();
        int writers = WRITERS_PER_NODE * editors.size();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        try {
            for (int writer = 0; writer < writers; writer++) {
                int first = writer % editors.size();
                running.add(CompletableFuture.runAsync(() -> edit(editors, first, go), threads));
            }
            go.countDown();
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdown();
        }

        long written = (long) writers * (1 + ANSWERS_EACH);
        List<JsonNode> verified = auditors.stream()
                .map(auditor -> auditor.data("verifyEventChain", VERIFY, Map.of())).toList();
        for (JsonNode answer : verified) {
            assertThat(answer.path("intact").asBoolean()).as("intact on each node: %s", answer).isTrue();
            assertThat(answer.path("eventsVerified").asLong()).as("every event linked").isEqualTo(before + written);
        }
        assertThat(verified.get(1).path("headHash").asText()).as("one chain, one head")
                .isEqualTo(verified.get(0).path("headHash").asText());

        List<ChainAndOutbox.Link> links = ChainAndOutbox.links(dataSource, Callers.KAWASAKI.value());
        assertThat(links).as("positions 1 … n, one link per event").hasSize((int) (before + written))
                .extracting(ChainAndOutbox.Link::chainPosition).doesNotHaveDuplicates()
                .allSatisfy(position -> assertThat(position).isBetween(1L, before + written));
        assertThat(links).filteredOn(link -> link.payloadType().equals(AssessmentStarted.class.getName()))
                .as("a start is told outside: one outbox row each").hasSize(writers)
                .allSatisfy(link -> assertThat(link.outboxPositions()).hasSize(1));
        assertThat(links).filteredOn(link -> link.payloadType().equals(ItemAnswered.class.getName()))
                .as("an answer is not told outside").hasSize(writers * ANSWERS_EACH)
                .allSatisfy(link -> assertThat(link.outboxPositions()).isEmpty());
        assertThat(ChainAndOutbox.outOfChainOrder(links)).as("outbox positions against the chain's order").isEmpty();
    }

    /** One writer: starts an assessment on node {@code first}, then answers it, each answer on the other node. */
    private static void edit(List<GraphQlClient> editors, int first, CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        JsonNode started = editors.get(first).data("startAssessment", START,
                Map.of("kind", "KEY_ITEMS", "name", "住民基本台帳に関する事務"));
        assertThat(started.path("__typename").asText()).as(started.toString()).isEqualTo("AssessmentEdited");
        String id = started.path("assessment").path("id").asText();
        int revision = started.path("revision").asInt();
        for (int answer = 1; answer <= ANSWERS_EACH; answer++) {
            GraphQlClient editor = editors.get((first + answer) % editors.size());
            JsonNode edited = editor.data("answerItem", ANSWER, new HashMap<>(Map.of("id", id, "rev", revision,
                    "item", "department.name", "value", Map.of("text", "課 " + answer))));
            assertThat(edited.path("__typename").asText()).as(edited.toString()).isEqualTo("AssessmentEdited");
            revision = edited.path("revision").asInt();
        }
    }
}
