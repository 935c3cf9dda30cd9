package jp.hyoka.server.assessment;

import com.zaxxer.hikari.HikariDataSource;
import jp.hyoka.server.database.PageRequest;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.assessment.event.FormChange;
import jp.hyoka.domain.assessment.event.FormRevisionMigrated;
import jp.hyoka.domain.assessment.event.ItemAnswerCleared;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.assessment.event.RepeatEntryAdded;
import jp.hyoka.domain.assessment.event.RepeatEntryMoved;
import jp.hyoka.domain.assessment.event.RepeatEntryRemoved;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.database.TenantScopedReads;
import jp.hyoka.server.history.EditHistoryProjection;
import jp.hyoka.server.support.TestDatabase;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Given events, the read models in PostgreSQL hold the document and its history; redelivery changes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentProjectionsIT {

    private static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");
    private static final Actor EDITOR = new Actor("u-1", "山田 太郎");
    private static final Actor REVIEWER = new Actor("u-2", "佐藤 花子");
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final String SYSTEMS = "system";

    private HikariDataSource dataSource;
    private AssessmentDocumentProjection documents;
    private EditHistoryProjection history;
    private RepeatEntryProjection entries;
    private AssessmentQueries queries;

    @BeforeAll
    void database() {
        dataSource = TestDatabase.newMigratedPool();
        AxonConnections connections = new AxonConnections(dataSource);
        documents = new AssessmentDocumentProjection(connections);
        history = new EditHistoryProjection(connections);
        entries = new RepeatEntryProjection(connections);
        queries = new AssessmentQueries(new TenantScopedReads(dataSource));
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void givenStartedAndAnsweredTwice_thenDocumentHasLatestAnswerAndHistoryHasEveryStep() throws Exception {
        AssessmentId id = newId();
        apply(started(id), 0);
        apply(answered(id, null, "保険年金課", EDITOR), 1);
        apply(answered(id, "保険年金課", "医療保険課", REVIEWER), 2);

        AssessmentView view = queries.find(KAWASAKI, id).orElseThrow();
        assertThat(view.revision()).isEqualTo(3);
        assertThat(view.createdBy()).isEqualTo(EDITOR);
        assertThat(view.updatedBy()).isEqualTo(REVIEWER);
        assertThat(queries.answers(KAWASAKI, id)).extracting(AnswerView::itemId, a -> a.answer().plainText())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("affair.name", "介護保険関係事務"),
                        org.assertj.core.groups.Tuple.tuple("department.name", "医療保険課"));
        assertThat(queries.history(KAWASAKI, id, new PageRequest(10, null, false)).items()).extracting(e -> e.item().eventType())
                .containsExactly("AssessmentStarted", "ItemAnswered", "ItemAnswered");
    }

    @Test
    void givenAnOldEventRedelivered_thenTheDocumentDoesNotMoveBackwards() throws Exception {
        AssessmentId id = newId();
        apply(started(id), 0);
        apply(answered(id, null, "保険年金課", EDITOR), 1);
        apply(answered(id, "保険年金課", "医療保険課", EDITOR), 2);
        apply(answered(id, null, "保険年金課", EDITOR), 1);

        assertThat(queries.find(KAWASAKI, id).orElseThrow().revision()).isEqualTo(3);
        assertThat(queries.answers(KAWASAKI, id)).filteredOn(a -> a.itemId().equals("department.name"))
                .singleElement().extracting(a -> a.answer().plainText()).isEqualTo("医療保険課");
        assertThat(queries.history(KAWASAKI, id, new PageRequest(10, null, false)).items()).hasSize(3);
    }

    @Test
    void givenAnswerCleared_thenItIsGoneFromTheDocumentButStaysInHistory() throws Exception {
        AssessmentId id = newId();
        apply(started(id), 0);
        apply(new ItemAnswered(id, KAWASAKI, new ItemId("affair.target-population"), List.of(), null,
                new ChoiceAnswer("100k-to-300k"), null, EDITOR, T0), 1);
        apply(new ItemAnswerCleared(id, KAWASAKI, new ItemId("affair.target-population"), List.of(),
                new ChoiceAnswer("100k-to-300k"), "誤入力", EDITOR, T0), 2);

        assertThat(queries.answers(KAWASAKI, id)).extracting(AnswerView::itemId).containsExactly("affair.name");
        HistoryEntry cleared = queries.history(KAWASAKI, id, new PageRequest(10, null, false)).items().get(2).item();
        assertThat(cleared.oldAnswer()).isEqualTo(new ChoiceAnswer("100k-to-300k"));
        assertThat(cleared.newAnswer()).isNull();
        assertThat(cleared.reason()).isEqualTo("誤入力");
    }

    @Test
    void givenAffairNameAnswered_thenTheListShowsTheNewName() throws Exception {
        AssessmentId id = newId();
        apply(started(id), 0);
        apply(new ItemAnswered(id, KAWASAKI, new ItemId("affair.name"), List.of(), new TextAnswer("介護保険関係事務"),
                new TextAnswer("介護保険に関する事務"), null, EDITOR, T0), 1);

        assertThat(queries.find(KAWASAKI, id).orElseThrow().affairName()).isEqualTo("介護保険に関する事務");
    }

    @Test
    void givenAnotherTenant_thenNothingIsVisible() throws Exception {
        AssessmentId id = newId();
        apply(started(id), 0);

        MunicipalityCode asahikawa = new MunicipalityCode("012041");
        assertThat(queries.find(asahikawa, id)).isEmpty();
        assertThat(queries.answers(asahikawa, id)).isEmpty();
        assertThat(queries.history(asahikawa, id, new PageRequest(10, null, false)).items()).isEmpty();
    }

    /**
     * A migration's dropped answer is deleted only below the migration's revision: replayed (redelivered, or out of
     * order) after the item was answered again, it must not delete the newer answer.
     */
    @Test
    void givenAFormMigrationReplayedAfterTheDroppedItemWasAnsweredAgain_thenTheNewerAnswerStays() throws Exception {
        AssessmentId id = newId();
        FormRevisionMigrated migrated = new FormRevisionMigrated(id, KAWASAKI, new FormRef(FormKind.KEY_ITEMS, "2025"),
                new FormRef(FormKind.KEY_ITEMS, "2026"), List.of(new FormChange(FormChange.ANSWER_DROPPED,
                "department.name", List.of(), new TextAnswer("保険年金課"), null, "item removed")), "様式改正",
                EDITOR, T0);
        apply(started(id), 0);
        apply(answered(id, null, "保険年金課", EDITOR), 1);
        apply(migrated, 2);
        assertThat(queries.answers(KAWASAKI, id)).extracting(AnswerView::itemId).containsExactly("affair.name");
        apply(answered(id, null, "医療保険課", REVIEWER), 3);

        apply(migrated, 2);                                              // redelivered after the newer answer

        assertThat(queries.find(KAWASAKI, id).orElseThrow().revision()).isEqualTo(4);
        assertThat(queries.answers(KAWASAKI, id)).filteredOn(a -> a.itemId().equals("department.name"))
                .singleElement().extracting(a -> a.answer().plainText()).isEqualTo("医療保険課");
    }

    /**
     * The tracking processor projects a batch in one unit of work, and the projections send its rows as JDBC batches
     * when it commits (ReadModelWrites): the result is that of writing event by event, and nothing shows before.
     */
    @Test
    void givenABatchOfEventsInOneUnitOfWork_thenTheyAreWrittenAtCommitAsIfOneByOne() throws Exception {
        AssessmentId id = newId();
        ItemId population = new ItemId("affair.target-population");
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        apply(started(id), 0);
        apply(answered(id, null, "保険年金課", EDITOR), 1);
        apply(new ItemAnswered(id, KAWASAKI, new ItemId("affair.name"), List.of(), new TextAnswer("介護保険関係事務"),
                new TextAnswer("介護保険に関する事務"), null, EDITOR, T0), 2);
        apply(answered(id, "保険年金課", "医療保険課", REVIEWER), 3);
        apply(new ItemAnswered(id, KAWASAKI, population, List.of(), null, new ChoiceAnswer("100k-to-300k"), null,
                REVIEWER, T0), 4);
        apply(new ItemAnswerCleared(id, KAWASAKI, population, List.of(), new ChoiceAnswer("100k-to-300k"), "誤入力",
                REVIEWER, T0), 5);
        apply(answered(id, null, "保険年金課", EDITOR), 1);                 // redelivered inside the batch
        assertThat(queries.find(KAWASAKI, id)).as("nothing is visible before the batch commits").isEmpty();
        batch.commit();

        AssessmentView view = queries.find(KAWASAKI, id).orElseThrow();
        assertThat(view.revision()).isEqualTo(6);
        assertThat(view.affairName()).isEqualTo("介護保険に関する事務");
        assertThat(view.createdBy()).isEqualTo(EDITOR);
        assertThat(view.updatedBy()).isEqualTo(REVIEWER);
        assertThat(queries.answers(KAWASAKI, id)).extracting(AnswerView::itemId, a -> a.answer().plainText())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("affair.name", "介護保険に関する事務"),
                        org.assertj.core.groups.Tuple.tuple("department.name", "医療保険課"));
        assertThat(queries.history(KAWASAKI, id, new PageRequest(10, null, false)).items()).extracting(e -> e.item().eventType())
                .containsExactly("AssessmentStarted", "ItemAnswered", "ItemAnswered", "ItemAnswered", "ItemAnswered",
                        "ItemAnswerCleared");
    }

    /**
     * An entry id is free again once its entry is removed, and may be used for a new entry: a removal replayed
     * (redelivered, or a late batch) after that must delete neither the new entry nor its answers.
     */
    @Test
    void givenARemovalReplayedAfterItsEntryIdWasUsedAgain_thenTheNewEntryAndItsAnswerStay() throws Exception {
        AssessmentId id = newId();
        RepeatEntryRemoved removed = new RepeatEntryRemoved(id, KAWASAKI, SYSTEMS, List.of(), "e1", 0, null, EDITOR,
                T0);
        apply(started(id), 0);
        apply(added(id, "e1", 0), 1);
        apply(removed, 2);
        apply(added(id, "e1", 0), 3);
        apply(new ItemAnswered(id, KAWASAKI, new ItemId("system.name"), List.of("e1"), null,
                new TextAnswer("住基システム"), null, EDITOR, T0), 4);

        apply(removed, 2);                                               // redelivered after the id's new entry

        assertThat(queries.entries(KAWASAKI, id)).extracting(EntryView::entryId).containsExactly("e1");
        assertThat(queries.answers(KAWASAKI, id)).extracting(AnswerView::itemId)
                .containsExactlyInAnyOrder("affair.name", "system.name");
    }

    /**
     * A replay over tables that already hold the final state (a removed entry's group changed again since): the
     * entry's nested rows, written again from the events before its removal, go with the removal, at once and in a
     * batch.
     */
    @Test
    void givenANestedEntryOfARemovedOne_whenReplayedOverTheFinalState_thenOnlyTheLaterEntryIsLeft() throws Exception {
        for (boolean inABatch : List.of(false, true)) {
            AssessmentId id = newId();
            List<Object> events = List.of(started(id), added(id, "e1", 0),
                    new RepeatEntryAdded(id, KAWASAKI, "system.history", List.of("e1"), "h1", 0, null, EDITOR, T0),
                    new RepeatEntryRemoved(id, KAWASAKI, SYSTEMS, List.of(), "e1", 0, null, EDITOR, T0),
                    added(id, "e2", 0));
            for (int sequence = 0; sequence < events.size(); sequence++) {
                apply(events.get(sequence), sequence);
            }

            UnitOfWork<?> batch = inABatch ? DefaultUnitOfWork.startAndGet(null) : null;
            for (int sequence = 0; sequence < events.size(); sequence++) {
                apply(events.get(sequence), sequence);                  // the replay
            }
            if (batch != null) {
                batch.commit();
            }

            assertThat(queries.entries(KAWASAKI, id)).as(inABatch ? "in a batch" : "at once")
                    .extracting(EntryView::entryId).containsExactly("e2");
        }
    }

    /** A move replayed after a later move of the same group leaves the later order, at once and in a batch. */
    @Test
    void givenAMoveReplayedAfterALaterMove_thenTheLaterOrderStays() throws Exception {
        for (boolean inABatch : List.of(false, true)) {
            AssessmentId id = newId();
            RepeatEntryMoved firstMove = new RepeatEntryMoved(id, KAWASAKI, SYSTEMS, List.of(), "b", 1, 0, null,
                    EDITOR, T0);
            apply(started(id), 0);
            apply(added(id, "a", 0), 1);
            apply(added(id, "b", 1), 2);
            apply(firstMove, 3);                                         // b, a
            apply(new RepeatEntryMoved(id, KAWASAKI, SYSTEMS, List.of(), "a", 1, 0, null, EDITOR, T0), 4);

            UnitOfWork<?> batch = inABatch ? DefaultUnitOfWork.startAndGet(null) : null;
            apply(firstMove, 3);                                         // redelivered after the later move
            apply(added(id, "b", 1), 2);
            if (batch != null) {
                batch.commit();
            }

            assertThat(queries.entries(KAWASAKI, id)).as(inABatch ? "in a batch" : "at once")
                    .extracting(EntryView::entryId).containsExactly("a", "b");
        }
    }

    private static RepeatEntryAdded added(AssessmentId id, String entry, int position) {
        return new RepeatEntryAdded(id, KAWASAKI, SYSTEMS, List.of(), entry, position, null, EDITOR, T0);
    }

    private void apply(Object event, long sequence) throws Exception {
        if (event instanceof AssessmentStarted started) {
            documents.on(started, sequence);
            history.on(started, sequence);
        } else if (event instanceof ItemAnswered answered) {
            documents.on(answered, sequence);
            history.on(answered, sequence);
        } else if (event instanceof ItemAnswerCleared cleared) {
            documents.on(cleared, sequence);
            history.on(cleared, sequence);
        } else if (event instanceof FormRevisionMigrated migrated) {
            documents.on(migrated, sequence);
            entries.on(migrated, sequence);
        } else if (event instanceof RepeatEntryAdded added) {
            documents.on(added, sequence);
            entries.on(added, sequence);
        } else if (event instanceof RepeatEntryMoved moved) {
            documents.on(moved, sequence);
            entries.on(moved, sequence);
        } else if (event instanceof RepeatEntryRemoved removed) {
            documents.on(removed, sequence);
            entries.on(removed, sequence);
        }
    }

    private static AssessmentId newId() {
        return new AssessmentId(UUID.randomUUID());
    }

    private static AssessmentStarted started(AssessmentId id) {
        return new AssessmentStarted(id, KAWASAKI, new FormRef(FormKind.KEY_ITEMS, "2025"), "介護保険関係事務", EDITOR, T0);
    }

    private static ItemAnswered answered(AssessmentId id, String before, String after, Actor by) {
        return new ItemAnswered(id, KAWASAKI, new ItemId("department.name"), List.of(), before == null ? null : new TextAnswer(before),
                new TextAnswer(after), null, by, T0);
    }
}
