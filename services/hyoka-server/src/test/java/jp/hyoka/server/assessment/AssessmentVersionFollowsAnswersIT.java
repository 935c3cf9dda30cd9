package jp.hyoka.server.assessment;

import com.zaxxer.hikari.HikariDataSource;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.AxonConnections;
import jp.hyoka.server.database.TenantScopedReads;
import jp.hyoka.server.graphql.VersionedRoot;
import jp.hyoka.server.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept answer of assessment(id:) lives while the document's version (rm_assessment's revision and xmin,
 * AssessmentVersions) is unchanged, so any transaction that writes the document's answers or repeat entries must
 * change that version, whoever writes them (V18's triggers): here writers that never name rm_assessment, as a data
 * migration or a new projection might. Dropping the triggers fails these tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentVersionFollowsAnswersIT {

    private static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");
    private static final Actor EDITOR = new Actor("u-1", "山田 太郎");
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    private HikariDataSource dataSource;
    private AssessmentDocumentProjection documents;
    private AssessmentQueries queries;

    @BeforeAll
    void database() {
        dataSource = TestDatabase.newMigratedPool();
        documents = new AssessmentDocumentProjection(new AxonConnections(dataSource));
        queries = new AssessmentQueries(new TenantScopedReads(dataSource));
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void givenAnAnswerInsertedAlone_whenCommitted_thenTheDocumentHasANewVersion() throws Exception {
        AssessmentId id = started();
        VersionedRoot.Version before = version(id);

        write(id, """
                INSERT INTO rm_answer (tenant_code, assessment_id, item_id, entry_path, answer, revision, answered_at,
                    answered_by_id, answered_by_name)
                VALUES (?, ?, 'department.name', '', '{"kind":"TEXT","text":"保険年金課"}', 1, now(), 'migration', 'm')""");

        assertThat(version(id)).isNotEqualTo(before);
        assertThat(version(id).revision()).as("the revision is the events', untouched").isEqualTo(before.revision());
    }

    @Test
    void givenAnAnswerUpdatedOrDeletedAlone_whenCommitted_thenTheDocumentHasANewVersionEachTime() throws Exception {
        AssessmentId id = started();
        VersionedRoot.Version before = version(id);

        write(id, "UPDATE rm_answer SET answer = '{\"kind\":\"TEXT\",\"text\":\"改名\"}' "
                + "WHERE tenant_code = ? AND assessment_id = ? AND item_id = 'affair.name'");
        VersionedRoot.Version updated = version(id);
        write(id, "DELETE FROM rm_answer WHERE tenant_code = ? AND assessment_id = ? AND item_id = 'affair.name'");

        assertThat(updated).isNotEqualTo(before);
        assertThat(version(id)).isNotEqualTo(updated);
    }

    @Test
    void givenRepeatEntriesWrittenAlone_whenCommitted_thenTheDocumentHasANewVersionEachTime() throws Exception {
        AssessmentId id = started();
        VersionedRoot.Version before = version(id);

        write(id, "INSERT INTO rm_repeat_entry (tenant_code, assessment_id, entry_id, group_id, parent_path, position) "
                + "VALUES (?, ?, 'e-1', 'system', '', 0)");
        VersionedRoot.Version inserted = version(id);
        write(id, "UPDATE rm_repeat_entry SET position = 1 WHERE tenant_code = ? AND assessment_id = ?");
        VersionedRoot.Version moved = version(id);
        write(id, "DELETE FROM rm_repeat_entry WHERE tenant_code = ? AND assessment_id = ?");

        assertThat(List.of(before, inserted, moved, version(id))).doesNotHaveDuplicates();
    }

    @Test
    void givenOneDocumentsAnswerWritten_whenCommitted_thenAnotherDocumentKeepsItsVersion() throws Exception {
        AssessmentId written = started();
        AssessmentId other = started();
        VersionedRoot.Version otherBefore = version(other);

        write(written, "DELETE FROM rm_answer WHERE tenant_code = ? AND assessment_id = ?");

        assertThat(version(other)).isEqualTo(otherBefore);
    }

    @Test
    void givenAnAnswerMovedToAnotherDocument_whenCommitted_thenBothDocumentsHaveANewVersion() throws Exception {
        AssessmentId from = started();
        AssessmentId to = started();
        VersionedRoot.Version fromBefore = version(from);
        VersionedRoot.Version toBefore = version(to);

        try (Connection connection = dataSource.getConnection();
             PreparedStatement move = connection.prepareStatement("UPDATE rm_answer SET assessment_id = ?, "
                     + "item_id = 'department.name' WHERE tenant_code = ? AND assessment_id = ? "
                     + "AND item_id = 'affair.name'")) {
            move.setObject(1, to.value());
            move.setString(2, KAWASAKI.value());
            move.setObject(3, from.value());
            assertThat(move.executeUpdate()).isEqualTo(1);
        }

        assertThat(version(from)).as("the document the answer left").isNotEqualTo(fromBefore);
        assertThat(version(to)).as("the document the answer joined").isNotEqualTo(toBefore);
    }

    @Test
    void givenTheAnswerTablesTruncated_whenCommitted_thenEveryDocumentHasANewVersion() throws Exception {
        AssessmentId one = started();
        AssessmentId another = started();
        VersionedRoot.Version oneBefore = version(one);
        VersionedRoot.Version anotherBefore = version(another);

        try (Connection connection = dataSource.getConnection();
             Statement truncate = connection.createStatement()) {
            truncate.execute("TRUNCATE rm_answer");
        }
        VersionedRoot.Version oneAfterAnswers = version(one);
        try (Connection connection = dataSource.getConnection();
             Statement truncate = connection.createStatement()) {
            truncate.execute("TRUNCATE rm_repeat_entry");
        }

        assertThat(oneAfterAnswers).isNotEqualTo(oneBefore);
        assertThat(version(another)).isNotEqualTo(anotherBefore);
        assertThat(version(one)).as("and again for the entries").isNotEqualTo(oneAfterAnswers);
    }

    private AssessmentId started() throws SQLException {
        AssessmentId id = new AssessmentId(UUID.randomUUID());
        documents.on(new AssessmentStarted(id, KAWASAKI, new FormRef(FormKind.KEY_ITEMS, "2025"), "介護保険関係事務",
                EDITOR, T0), 0);
        return id;
    }

    private VersionedRoot.Version version(AssessmentId id) {
        return queries.version(KAWASAKI, id).orElseThrow();
    }

    /** One statement of a writer that knows nothing of rm_assessment, in a transaction of its own. */
    private void write(AssessmentId id, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, KAWASAKI.value());
            statement.setObject(2, id.value());
            assertThat(statement.executeUpdate()).as(sql).isPositive();
        }
    }
}
