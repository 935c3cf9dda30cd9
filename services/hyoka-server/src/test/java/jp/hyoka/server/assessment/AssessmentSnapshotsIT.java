package jp.hyoka.server.assessment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.editing.Editing;
import jp.hyoka.server.importing.DocumentImport;
import jp.hyoka.server.publication.Publishing;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.ServerNodes;
import jp.hyoka.server.support.StoredSnapshots;
import jp.hyoka.server.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots on the real PostgreSQL: an assessment edited beyond the threshold is snapshotted in
 * {@code snapshotevententry}, reads and edits stay right, a restarted server (a new context on the same database)
 * loads from the snapshot, one of another shape or that cannot be read is passed over, a snapshot that cannot be
 * stored fails no edit (it is counted), a redaction leaves no snapshot holding the text, and an import is not
 * snapshotted at once (AssessmentAxonModule says why).
 * That a command loaded the snapshot is seen by a snapshot altered in the database: the decision follows it.
 */
class AssessmentSnapshotsIT {

    private static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");
    private static final Caller EDITOR = new Caller(KAWASAKI, new Actor("u-1", "山田 太郎"), Set.of(Caller.EDITOR));
    private static final int EVERY = 10;
    /** A snapshot that says the department is 企画課 where the events say 総務課. */
    private static final String ALTERED = "payload = convert_to(replace(convert_from(payload, 'UTF8'), '総務課', '企画課'), "
            + "'UTF8')";

    private final String url = TestDatabase.newDatabase();
    private final List<ServerNodes> started = new ArrayList<>();
    private ServerNodes node;

    @AfterEach
    void stop() {
        started.forEach(ServerNodes::close);
    }

    @Test
    void givenEditsBeyondTheThreshold_whenEditedAndRestarted_thenSnapshotsStoredAndLoadedAndEditsStayRight()
            throws Exception {
        long revision = 35;
        String id = snapshottedAt(revision, "総務課");

        assertThat(queries().revision(KAWASAKI, id(id))).isEqualTo(revision);
        assertThat(answer(id, "affair.name")).isEqualTo("事務 " + (revision - 1));
        assertThat(editing().answer(EDITOR, id, revision - 1, "affair.name", List.of(), new TextAnswer("遅い"), null))
                .as("a stale revision is still refused").isInstanceOf(EditOutcome.Refused.class);

        restartWithSnapshots(ALTERED);
        EditOutcome same = answerDepartment(id, revision, "企画課");

        assertThat(same).as("the restarted server decided from the (altered) snapshot: nothing changed")
                .usingRecursiveComparison().ignoringFields("visible").isEqualTo(new EditOutcome.Edited(id(id), revision));
        assertThat(editAffairName(id, revision, revision + 3)).isEqualTo(revision + 3);
    }

    @Test
    void givenSnapshotOfAnotherShape_whenLoaded_thenPassedOverAndTheEventsReplayed() throws Exception {
        long revision = 25;
        String id = snapshottedAt(revision, "総務課");
        restartWithSnapshots(ALTERED + ", payloadrevision = '0'");

        EditOutcome edit = answerDepartment(id, revision, "企画課");

        assertThat(edit).as("replayed from the events, the answer was 総務課: a change")
                .usingRecursiveComparison().ignoringFields("visible").isEqualTo(new EditOutcome.Edited(id(id), revision + 1));
    }

    @Test
    void givenSnapshotThatCannotBeRead_whenLoaded_thenPassedOverAndTheEventsReplayed() throws Exception {
        long revision = 25;
        String id = snapshottedAt(revision, "総務課");
        restartWithSnapshots("payload = convert_to('{\"answers\": [', 'UTF8')");

        EditOutcome edit = answerDepartment(id, revision, "企画課");

        assertThat(edit).as("replayed from the events, the answer was 総務課: a change")
                .usingRecursiveComparison().ignoringFields("visible").isEqualTo(new EditOutcome.Edited(id(id), revision + 1));
    }

    @Test
    void givenSnapshotsCannotBeStored_whenEditedBeyondTheThreshold_thenEveryEditIsStoredAndTheFailuresCounted()
            throws Exception {
        start();
        sql("CREATE FUNCTION refuse_snapshot() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'no snapshots today'; END $$");
        sql("CREATE TRIGGER refuse_snapshot BEFORE INSERT ON snapshotevententry FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_snapshot()");
        String id = start("総務課");

        assertThat(editAffairName(id, 2, 35)).isEqualTo(35);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (failedSnapshots() < 3) {
            assertThat(System.nanoTime()).as("three failed snapshots counted").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        assertThat(snapshotRevision(id)).isZero();
        assertThat(queries().revision(KAWASAKI, id(id))).isEqualTo(35);
        assertThat(answer(id, "affair.name")).isEqualTo("事務 34");
    }

    @Test
    void givenAnImportedDocument_whenImportedThenLoadedAndEditedByAnotherStart_thenNoSnapshotTakenAndItsStateIsRight()
            throws Exception {
        start();
        EditOutcome.Edited imported = (EditOutcome.Edited) context(DocumentImport.class).importDocument(EDITOR,
                Samples.ALL_ITEMS_000, Samples.bytes(Samples.ALL_ITEMS_000), null, null, "移行").outcome();
        String id = imported.assessmentId().toString();
        long revision = imported.revision();
        assertThat(revision + 3).as("fewer events than the count's, edits included").isLessThan(EVERY);
        assertThat(context(Publishing.class).startNextVersion(EDITOR, id, revision, "次の版"))
                .isInstanceOf(EditOutcome.Edited.class);
        assertThat(renamed(id, revision + 1, "改名 1")).isEqualTo(revision + 2);
        node.close();
        start();
        assertThat(renamed(id, revision + 2, "改名 1")).as("loaded from the store: already so named, nothing changed")
                .isEqualTo(revision + 2);
        assertThat(renamed(id, revision + 2, "改名 2")).isEqualTo(revision + 3);
        node.close();                       // its snapshot thread has finished what it was given

        assertThat(snapshotRevision(id)).as("neither the import nor the commands after it were snapshotted").isZero();
        start();
        assertThat(queries().answers(KAWASAKI, id(id))).as("the import's answers").hasSizeGreaterThan(100);
        assertThat(answer(id, "affair.name")).isEqualTo("改名 2");
    }

    @Test
    void givenSnapshotHoldingPersonalData_whenRedacted_thenNoSnapshotHoldsItAndRestartDoesNotBringItBack()
            throws Exception {
        long revision = 25;
        String id = snapshottedAt(revision, "担当 佐藤花子");
        assertThat(snapshotPayloads(id)).as("the snapshot holds the answer").anyMatch(p -> p.contains("佐藤花子"));

        EditOutcome redacted = context(Publishing.class).redact(EDITOR, id, revision, "佐藤花子", "本人の申出");
        assertThat(redacted).usingRecursiveComparison().ignoringFields("visible").isEqualTo(new EditOutcome.Edited(id(id), revision + 1));

        awaitSnapshotAtLeast(id, revision);           // taken right after the redaction, without 10 more events
        assertThat(snapshotPayloads(id)).isNotEmpty().noneMatch(p -> p.contains("佐藤花子"));
        node.close();
        start();
        EditOutcome again = answerDepartment(id, revision + 1, "担当 佐藤花子");
        assertThat(again).as("the state holds the redacted answer, so answering the original is a change")
                .usingRecursiveComparison().ignoringFields("visible").isEqualTo(new EditOutcome.Edited(id(id), revision + 2));
    }

    private void start() {
        node = new ServerNodes(1, url, Map.of("hyoka.axon.snapshot-every", Integer.toString(EVERY)));
        started.add(node);
        node.register(KAWASAKI, "川崎市");
    }

    /** An assessment of {@code department} edited to {@code revision}, once snapshotted near it. */
    private String snapshottedAt(long revision, String department) throws SQLException {
        start();
        String id = start(department);
        editAffairName(id, 2, revision);
        awaitSnapshotAtLeast(id, revision - EVERY);
        return id;
    }

    /** The server stopped, its snapshots changed in the database ({@code set}: SQL), and started again. */
    private void restartWithSnapshots(String set) throws SQLException {
        node.close();
        sql("UPDATE snapshotevententry SET " + set);
        start();
    }

    /** The affair renamed at {@code revision}: the revision the assessment is at then. */
    private long renamed(String id, long revision, String name) {
        EditOutcome outcome = editing().answer(EDITOR, id, revision, "affair.name", List.of(), new TextAnswer(name),
                null);
        assertThat(outcome).isInstanceOf(EditOutcome.Edited.class);
        return ((EditOutcome.Edited) outcome).revision();
    }

    private EditOutcome answerDepartment(String id, long revision, String text) {
        return editing().answer(EDITOR, id, revision, "department.name", List.of(), new TextAnswer(text), null);
    }

    /** A new assessment whose department is {@code department}: at revision 2. */
    private String start(String department) {
        String id = ((EditOutcome.Edited) editing().start(EDITOR, FormKind.KEY_ITEMS, "住民基本台帳に関する事務", null))
                .assessmentId().toString();
        assertThat(editing().answer(EDITOR, id, 1, "department.name", List.of(), new TextAnswer(department), null))
                .usingRecursiveComparison().ignoringFields("visible").isEqualTo(new EditOutcome.Edited(id(id), 2));
        return id;
    }

    /** Renames the affair from revision {@code from} until the assessment is at {@code to}. */
    private long editAffairName(String id, long from, long to) {
        for (long revision = from; revision < to; revision++) {
            assertThat(editing().answer(EDITOR, id, revision, "affair.name", List.of(),
                    new TextAnswer("事務 " + revision), null)).usingRecursiveComparison().ignoringFields("visible").isEqualTo(new EditOutcome.Edited(id(id), revision + 1));
        }
        return to;
    }

    private void awaitSnapshotAtLeast(String id, long revision) throws SQLException {
        new StoredSnapshots(this::connect).awaitAtLeast(id, revision);
    }

    private long snapshotRevision(String id) throws SQLException {
        return new StoredSnapshots(this::connect).revision(id);
    }

    private List<String> snapshotPayloads(String id) throws SQLException {
        List<String> payloads = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT payload FROM snapshotevententry WHERE aggregateidentifier = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    payloads.add(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                }
            }
        }
        return payloads;
    }

    private double failedSnapshots() {
        Counter failed = context(MeterRegistry.class).find("hyoka.snapshots").tag("outcome", "failed").counter();
        return failed == null ? 0 : failed.count();
    }

    private String answer(String id, String item) {
        return queries().answers(KAWASAKI, id(id)).stream().filter(answer -> answer.itemId().equals(item))
                .map(answer -> ((TextAnswer) answer.answer()).text()).findFirst().orElseThrow();
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = connect()) {
            connection.createStatement().executeUpdate(statement);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
    }

    private Editing editing() {
        return context(Editing.class);
    }

    private AssessmentQueries queries() {
        return context(AssessmentQueries.class);
    }

    private <T> T context(Class<T> type) {
        return node.context(0).getBean(type);
    }

    private static jp.hyoka.domain.assessment.AssessmentId id(String id) {
        return AssessmentIds.parse(id).orElseThrow();
    }
}
