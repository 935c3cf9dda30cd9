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

        assertThat(chain.besideInsert(started)).isInstanceOf(BesideInsert.Sql.class);
        assertThat(((BesideInsert.Sql) chain.besideInsert(started)).sql()).contains("event_chain_head");
        assertThat(outbox.besideInsert(started)).isInstanceOf(BesideInsert.Sql.class);
        assertThat(((BesideInsert.Sql) outbox.besideInsert(started)).sql()).contains("integration_outbox");
        assertThat(snapshots.besideInsert(started)).isSameAs(BesideInsert.NOTHING);
    }

    @Test
    void givenAnAnswer_whenAppendedAlone_thenTheOutboxHasNothingToWrite() {
        AppendedEvent answered = appended(new ItemAnswered(assessment, KAWASAKI, new ItemId("department.name"),
                List.of(), null, new TextAnswer("市民課"), null, EDITOR, Instant.now()), 1);

        assertThat(chain.besideInsert(answered)).isInstanceOf(BesideInsert.Sql.class);
        assertThat(outbox.besideInsert(answered)).isSameAs(BesideInsert.NOTHING);
        assertThat(snapshots.besideInsert(answered)).isSameAs(BesideInsert.NOTHING);
    }

    @Test
    void givenARedaction_whenAppendedAlone_thenTheOutboxAndTheSnapshotsGoTheGeneralWay_afterTheChainsLock() {
        AppendedEvent redacted = appended(new PersonalDataRedacted(assessment, KAWASAKI, "川崎 太郎", "本人の申出",
                EDITOR, Instant.now()), 2);

        assertThat(chain.besideInsert(redacted)).isInstanceOf(BesideInsert.Sql.class);
        assertThat(outbox.besideInsert(redacted)).isSameAs(BesideInsert.GENERAL_WAY);
        assertThat(snapshots.besideInsert(redacted)).isSameAs(BesideInsert.GENERAL_WAY);
        assertThat(chain.ordersCommits()).isTrue();
        assertThat(outbox.ordersCommits()).isFalse();
        assertThat(snapshots.ordersCommits()).isFalse();
    }

    private AppendedEvent appended(Object payload, long sequence) {
        return AppendedEvent.of(new GenericDomainEventMessage<>("Assessment", assessment.toString(), sequence, payload),
                SERIALIZER);
    }
}
