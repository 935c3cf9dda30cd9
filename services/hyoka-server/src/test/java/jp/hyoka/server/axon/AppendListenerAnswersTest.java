package jp.hyoka.server.axon;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.PersonalDataRedacted;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.RedactedSnapshots;
import jp.hyoka.server.audit.ChainLinks;
import jp.hyoka.server.integration.IntegrationOutbox;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's append listeners answer a one-event append with one of three ({@link BesideInsert}: a statement,
 * {@link BesideInsert#NOTHING}, {@link BesideInsert#GENERAL_WAY}; never null), and the engine runs the one that orders
 * a municipality's commits (the chain's head) before the others, so the outbox's positions are drawn under its lock.
 */
class AppendListenerAnswersTest {

    private static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");
    private static final Actor EDITOR = new Actor("k-editor", "川崎 一郎");
    private static final Serializer SERIALIZER = EventJson.storedMessages();

    private final ChainLinks chain = new ChainLinks(null);         // its backfill runs only before Axon starts
    private final IntegrationOutbox outbox = new IntegrationOutbox();
    private final RedactedSnapshots snapshots = new RedactedSnapshots();
    private final AssessmentId assessment = new AssessmentId(UUID.randomUUID());

    @Test
    void givenTheListenersInAnyOrder_whenTheEngineOrdersThem_thenTheChainRunsFirstAndTheOthersKeepTheirOrder() {
        assertThat(NotifyingEventStorageEngine.commitOrderFirst(List.of(outbox, snapshots, chain)))
                .containsExactly(chain, outbox, snapshots);
        assertThat(NotifyingEventStorageEngine.commitOrderFirst(List.of(snapshots, chain, outbox)))
                .containsExactly(chain, snapshots, outbox);
    }

    @Test
    void givenAStart_whenAppendedAlone_thenTheChainAndTheOutboxSendStatements_andTheSnapshotsNothing() {
        AppendedEvent started = appended(new AssessmentStarted(assessment, KAWASAKI,
                new FormRef(FormKind.KEY_ITEMS, "2024"), "住民記録事務", EDITOR, Instant.now()), 0);

        assertThat(chain.besideInsert(List.of(started))).isInstanceOf(BesideInsert.Sql.class);
        assertThat(((BesideInsert.Sql) chain.besideInsert(List.of(started))).sql()).contains("event_chain_head");
        assertThat(outbox.besideInsert(List.of(started))).isInstanceOf(BesideInsert.Sql.class);
        assertThat(((BesideInsert.Sql) outbox.besideInsert(List.of(started))).sql()).contains("integration_outbox");
        assertThat(snapshots.besideInsert(List.of(started))).isSameAs(BesideInsert.NOTHING);
    }

    @Test
    void givenAnAnswer_whenAppendedAlone_thenTheOutboxHasNothingToWrite() {
        AppendedEvent answered = appended(new ItemAnswered(assessment, KAWASAKI, new ItemId("department.name"),
                List.of(), null, new TextAnswer("市民課"), null, EDITOR, Instant.now()), 1);

        assertThat(chain.besideInsert(List.of(answered))).isInstanceOf(BesideInsert.Sql.class);
        assertThat(outbox.besideInsert(List.of(answered))).isSameAs(BesideInsert.NOTHING);
        assertThat(snapshots.besideInsert(List.of(answered))).isSameAs(BesideInsert.NOTHING);
    }

    @Test
    void givenARedaction_whenAppendedAlone_thenTheOutboxAndTheSnapshotsGoTheGeneralWay_afterTheChainsLock() {
        AppendedEvent redacted = appended(new PersonalDataRedacted(assessment, KAWASAKI, "川崎 太郎", "本人の申出",
                EDITOR, Instant.now()), 2);

        assertThat(chain.besideInsert(List.of(redacted))).isInstanceOf(BesideInsert.Sql.class);
        assertThat(outbox.besideInsert(List.of(redacted))).isSameAs(BesideInsert.GENERAL_WAY);
        assertThat(snapshots.besideInsert(List.of(redacted))).isSameAs(BesideInsert.GENERAL_WAY);
        assertThat(chain.ordersCommits()).isTrue();
        assertThat(outbox.ordersCommits()).isFalse();
        assertThat(snapshots.ordersCommits()).isFalse();
    }

    @Test
    void givenAnImportsEventsOfOneTenant_whenAppendedTogether_thenTheChainLocksOnce_andTheOutboxSendsARowPerToldEvent() {
        List<AppendedEvent> imported = List.of(started(assessment, KAWASAKI, 0), appended(new ItemAnswered(assessment,
                KAWASAKI, new ItemId("department.name"), List.of(), null, new TextAnswer("市民課"), null, EDITOR,
                Instant.now()), 1), started(assessment, KAWASAKI, 2));

        List<BesideInsert> answers = NotifyingEventStorageEngine.answers(List.of(chain, outbox, snapshots), imported);

        assertThat(answers.get(0)).isInstanceOfSatisfying(BesideInsert.Sql.class, lock -> {
            assertThat(lock.sql()).contains("event_chain_head");
            assertThat(lock.statements()).isOne();
        });
        assertThat(answers.get(1)).isInstanceOfSatisfying(BesideInsert.Sql.class, rows -> {
            assertThat(rows.statements()).as("the two told events' rows; the answer is not told").isEqualTo(2);
            assertThat(rows.sql().split(";")).hasSize(2).allSatisfy(row -> assertThat(row).contains("integration_outbox"));
        });
        assertThat(answers.get(2)).isSameAs(BesideInsert.NOTHING);
    }

    @Test
    void givenEventsOfTwoTenants_whenAppendedTogether_thenTheChainGoesTheGeneralWay_andSoDoesTheOutboxAfterIt() {
        AssessmentId other = new AssessmentId(UUID.randomUUID());
        List<AppendedEvent> twoTenants = List.of(started(assessment, KAWASAKI, 0),
                started(other, new MunicipalityCode("011002"), 0));

        List<BesideInsert> answers = NotifyingEventStorageEngine.answers(List.of(chain, outbox, snapshots), twoTenants);

        assertThat(answers).as("the heads are locked after the round trip, so no outbox row may be written in it")
                .containsExactly(BesideInsert.GENERAL_WAY, BesideInsert.GENERAL_WAY, BesideInsert.NOTHING);
        assertThat(outbox.besideInsert(twoTenants)).as("what the outbox itself answers").isInstanceOf(
                BesideInsert.Sql.class);
    }

    private AppendedEvent started(AssessmentId id, MunicipalityCode tenant, long sequence) {
        return AppendedEvent.of(new GenericDomainEventMessage<>("Assessment", id.toString(), sequence,
                new AssessmentStarted(id, tenant, new FormRef(FormKind.KEY_ITEMS, "2024"), "住民記録事務", EDITOR,
                        Instant.now())), SERIALIZER);
    }

    private AppendedEvent appended(Object payload, long sequence) {
        return AppendedEvent.of(new GenericDomainEventMessage<>("Assessment", assessment.toString(), sequence, payload),
                SERIALIZER);
    }
}
