package jp.hyoka.server.integration;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.command.RecordAffairEnd;
import jp.hyoka.domain.assessment.command.StartAssessment;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentCommands;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.LockWaits;
import jp.hyoka.server.support.TestKafka;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One assessment's integration events reach its topic in commit order even when one of them commits behind the
 * relay's cursor (infra/docs/guarantees.md, "What order the outbox promises"): an append of 川崎市 draws its outbox
 * position and has not committed yet while the relay reads and sends a row of 旭川市 drawn after it; then it commits,
 * and the assessment's next event commits right after it. Until session 11 the relay read only after its cursor and
 * sent the next event first; the late one followed at its next look from the start.
 *
 * <p>Made certain with locks, not sleeps: the append is held after its outbox row, at its chain link (the test writes
 * a link at the same chain position in a transaction it keeps open, so the append's insert waits on the key), and the
 * relay is kept from looking from the start when it runs out of rows (what a busy relay does not do either) by a mark
 * that waits: the test holds 旭川市's queue entry locked, as a slow disk holds a mark.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayLateRowIT extends RelayServerTest {

    private static final Actor EDITOR = new Actor("late-row-editor", "順序 確認");

    @Inject
    AssessmentCommands commands;
    @Inject
    CommandGateway gateway;

    @Override
    String bootstrapServers() {
        return TestKafka.bootstrapServers();
    }

    @Test
    void givenAnAppendCommittingBehindTheRelaysCursor_whenItsAssessmentsNextEventCommits_thenTheTopicHasThemInCommitOrder()
            throws Exception {
        Outbox outbox = new Outbox(dataSource);
        AssessmentId assessment = start(Callers.KAWASAKI);
        outbox.awaitAllPublished(60);
        relay.stop();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        AssessmentId other;
        try (Connection heldLink = dataSource.getConnection(); Connection heldMark = dataSource.getConnection()) {
            long drawnBefore = lastPositionDrawn();
            holdNextLink(heldLink, Callers.KAWASAKI);
            Future<Long> late = writer.submit(() -> endAffair(assessment, 1, LocalDate.of(2026, 4, 1)));
            LockWaits.await(dataSource, 1, Duration.ofSeconds(60));
            assertThat(lastPositionDrawn()).as("the held append drew its outbox position").isEqualTo(drawnBefore + 1);

            other = start(Callers.ASAHIKAWA);
            holdQueueEntry(heldMark, positions(other).get(0));
            relay.start();
            awaitOnTopic(Callers.ASAHIKAWA, other, eventIds(other));     // the relay has read past the held row

            heldLink.rollback();                                              // the held append commits ...
            long revision = late.get(60, TimeUnit.SECONDS);
            endAffair(assessment, revision, LocalDate.of(2026, 4, 2));        // ... and the next one right after
            awaitOnTopic(Callers.KAWASAKI, assessment, eventIds(assessment).subList(2, 3));
            heldMark.rollback();
        } finally {
            writer.shutdown();
        }
        outbox.awaitAllPublished(60);

        List<Long> positions = positions(assessment);
        assertThat(positions).as("started, the held end, the next end").hasSize(3);
        assertThat(positions.get(1)).as("the held append's row stands before 旭川市's row, which committed first")
                .isLessThan(positions(other).get(0));
        assertThat(firstOccurrences(awaitOnTopic(Callers.KAWASAKI, assessment, eventIds(assessment))))
                .as("the assessment's events as a consumer keeps them (first of each ce_id), against commit order")
                .containsExactlyElementsOf(eventIds(assessment));
    }

    private AssessmentId start(MunicipalityCode municipality) {
        AssessmentId id = commands.nextAssessmentId();
        gateway.sendAndWait(new StartAssessment(id, municipality, FormKind.KEY_ITEMS, "住民記録事務", EDITOR,
                Instant.now(), null));
        return id;
    }

    /** Records the 事務's end (an event told outside); answers the revision after it. */
    private long endAffair(AssessmentId assessment, long revision, LocalDate endedOn) {
        return gateway.<Long>sendAndWait(new RecordAffairEnd(assessment, Callers.KAWASAKI, revision, endedOn, null,
                EDITOR, Instant.now()));
    }

    /** The outbox's sequence as last drawn (by any transaction, committed or not: sequences are not transactional). */
    private long lastPositionDrawn() throws SQLException {
        try (Connection connection = dataSource.getConnection(); ResultSet row = connection.createStatement()
                .executeQuery("SELECT last_value FROM integration_outbox_position_seq")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Writes, and keeps uncommitted on {@code held}, the link the municipality's next append will write (the same
     * chain position, for an event of the test's own in the same transaction): that append then waits on the
     * chain's key after its event and its outbox row, holding its municipality's chain head, until the test rolls
     * back.
     */
    private static void holdNextLink(Connection held, MunicipalityCode municipality) throws SQLException {
        held.setAutoCommit(false);
        String eventId = "held-" + UUID.randomUUID();
        try (PreparedStatement event = held.prepareStatement("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, eventidentifier, payload,
                    payloadtype, timestamp) VALUES (?, 0, ?, '\\x7b7d', 'held', '2026-12-07T00:00:00Z')""");
             PreparedStatement link = held.prepareStatement("""
                INSERT INTO event_chain (tenant_code, chain_position, event_identifier, previous_hash, hash)
                SELECT tenant_code, chain_position + 1, ?, repeat('0', 64), repeat('0', 64)
                FROM event_chain_head WHERE tenant_code = ?""")) {
            event.setString(1, eventId);
            event.setString(2, eventId);
            event.executeUpdate();
            link.setString(1, eventId);
            link.setString(2, municipality.value());
            assertThat(link.executeUpdate()).as("the municipality's next link held").isEqualTo(1);
        }
    }

    /** Locks a queue entry on {@code held} until it ends: a mark that includes it waits. */
    private static void holdQueueEntry(Connection held, long position) throws SQLException {
        held.setAutoCommit(false);
        try (PreparedStatement lock = held.prepareStatement(
                "SELECT 1 FROM integration_outbox_queue WHERE position = ? FOR UPDATE")) {
            lock.setLong(1, position);
            try (ResultSet locked = lock.executeQuery()) {
                assertThat(locked.next()).as("the queue entry of position %d", position).isTrue();
            }
        }
    }

    /** The outbox positions of the assessment's rows, in position order. */
    private List<Long> positions(AssessmentId assessment) throws SQLException {
        List<Long> positions = new ArrayList<>();
        for (String row : outboxRows(assessment, "position")) {
            positions.add(Long.parseLong(row));
        }
        return positions;
    }

    /** The CloudEvents ids of the assessment's rows, in position order (the order its appends committed). */
    private List<String> eventIds(AssessmentId assessment) throws SQLException {
        return outboxRows(assessment, "event_id");
    }

    private List<String> outboxRows(AssessmentId assessment, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT " + column + "::text FROM integration_outbox WHERE subject = ? ORDER BY position")) {
            select.setString(1, assessment.toString());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
        }
        return values;
    }

    /** The assessment's records on its municipality's topic, read until every one of {@code ceIds} is among them. */
    private static List<String> awaitOnTopic(MunicipalityCode municipality, AssessmentId assessment, List<String> ceIds) {
        String key = municipality.value() + ":" + assessment;
        return TopicReader.readKey(TestKafka.bootstrapServers(), "hyoka.municipality." + municipality.value(), key,
                ceIds);
    }

    private static List<String> firstOccurrences(List<String> ceIds) {
        return ceIds.stream().distinct().toList();
    }
}
