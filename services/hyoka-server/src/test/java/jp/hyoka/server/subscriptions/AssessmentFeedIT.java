package jp.hyoka.server.subscriptions;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.HistoryEntry;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.support.AuditOperations;
import jp.hyoka.server.support.Callers;
import jp.hyoka.server.support.CountingDriver;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The assessment feed pages the history by line: an import's entries and answers are one revision of hundreds to
 * thousands of lines, and a message that stops inside such a revision is continued by the next one from the line
 * after, not from the next revision (which cut the rest of the import out of every later message). A message reads
 * whole only the lines it lists (the server's statements are counted, with the rows read from each).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentFeedIT extends SignedInServerTest {

    @Inject
    DataSource dataSource;
    @Inject
    AssessmentQueries assessments;
    @Inject
    ClasspathFormCatalog forms;

    @Override
    public Map<String, String> getProperties() {
        return CountingDriver.counting(super.getProperties());
    }

    @Test
    void givenARevisionOfMoreLinesThanAPage_whenTheFeedReads_thenEachMessageStartsAtTheLineAfterThePreviousOne()
            throws SQLException {
        AssessmentId id = started("一度に多くの行を取り込む事務");
        AssessmentFeed feed = new AssessmentFeed(assessments, forms, Callers.KAWASAKI, id, 2);
        int lines = 2 * AssessmentFeed.PAGE + 500;
        copyLine(id, 2, 3, lines);          // what an import of that many entries and answers stores: one revision
        copyLine(id, 2, 4, 1);              // and an edit after it

        List<AssessmentChanged> messages = feed.readNew();

        assertThat(messages).extracting(message -> first(message).revision(), message -> first(message).line(),
                        AssessmentChanged::revision, AssessmentChanged::complete)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 0, 3L, false),
                        org.assertj.core.groups.Tuple.tuple(3L, AssessmentFeed.PAGE, 3L, false),
                        org.assertj.core.groups.Tuple.tuple(3L, 2 * AssessmentFeed.PAGE, 4L, false));
        assertThat(messages).allSatisfy(message -> assertThat(message.changes()).hasSize(AssessmentFeed.MAX_CHANGES));
        assertThat(feed.readNew()).as("everything was delivered").isEmpty();
    }

    @Test
    void givenTheFeedDeliveredARevisionWhole_whenAnotherEditComes_thenTheNextMessageHasOnlyThatEdit()
            throws SQLException {
        AssessmentId id = started("一行ずつ変わる事務");
        AssessmentFeed feed = new AssessmentFeed(assessments, forms, Callers.KAWASAKI, id, 1);
        assertThat(feed.readNew()).singleElement().satisfies(message -> {
            assertThat(message.revision()).isEqualTo(2);
            assertThat(message.complete()).isTrue();
        });
        copyLine(id, 2, 3, 1);

        assertThat(feed.readNew()).singleElement().satisfies(message -> {
            assertThat(message.changes()).extracting(change -> change.entry().revision()).containsExactly(3L);
            assertThat(message.complete()).isTrue();
        });
    }

    @Test
    void givenTheSecondPagesReadFails_whenTheFeedReads_thenItSendsTheFirstPageAndTheNextRoundContinuesAfterIt()
            throws SQLException {
        AssessmentId id = started("二頁目の読み取りが失敗する事務");
        AssessmentFeed feed = failingOnRead(2, id);
        copyLine(id, 2, 3, 2 * AssessmentFeed.PAGE + 10);

        assertThat(feed.readNew()).as("the page built before the failure").extracting(
                        message -> first(message).line(), AssessmentChanged::revision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 3L));
        assertThat(feed.readNew()).as("the next round: from the line after the page sent")
                .extracting(message -> first(message).line())
                .containsExactly(AssessmentFeed.PAGE, 2 * AssessmentFeed.PAGE);
        assertThat(feed.readNew()).isEmpty();
    }

    @Test
    void givenTheFirstPagesReadFails_whenTheFeedReads_thenItThrowsAndTheNextRoundSendsEveryLine()
            throws SQLException {
        AssessmentId id = started("一頁目の読み取りが失敗する事務");
        AssessmentFeed feed = failingOnRead(1, id);
        copyLine(id, 2, 3, AssessmentFeed.PAGE + 10);

        assertThatThrownBy(feed::readNew).hasMessageContaining("away");
        assertThat(feed.readNew()).extracting(message -> first(message).revision(), message -> first(message).line())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 0),
                        org.assertj.core.groups.Tuple.tuple(3L, AssessmentFeed.PAGE));
    }

    @Test
    void givenARevisionOfMoreLinesThanAPage_whenTheFeedReads_thenEachMessageReadsOneQueryOfAtMostTheLinesItLists()
            throws SQLException {
        AssessmentId id = started("一覧する行だけを読む事務");
        AssessmentFeed feed = new AssessmentFeed(assessments, forms, Callers.KAWASAKI, id, 2);
        copyLine(id, 2, 3, 2 * AssessmentFeed.PAGE + 500);
        int mark = CountingDriver.mark();

        List<AssessmentChanged> messages = feed.readNew();

        List<CountingDriver.RoundTrip> historyReads = CountingDriver.sinceOnThisThread(mark).stream()
                .filter(trip -> trip.sql().contains("rm_edit_history")).toList();
        assertThat(messages).hasSize(3);
        assertThat(historyReads).as("one read of the history per message").hasSameSizeAs(messages);
        // A message lists 100 lines of the 1,000 it covers: the rest are positions, never rows sent to the server.
        assertThat(historyReads).extracting(CountingDriver.RoundTrip::rowsRead)
                .containsOnly(AssessmentFeed.MAX_CHANGES);
    }

    /** A new assessment of Kawasaki's, started and answered: revisions 1 and 2. */
    private AssessmentId started(String affair) {
        return AssessmentIds.parse(AuditOperations.startAndAnswer(callers.kawasakiEditor, affair, "市民課"))
                .orElseThrow();
    }

    /** A feed from revision 2 whose {@code failing}th read of the history throws, as with the database away. */
    private AssessmentFeed failingOnRead(int failing, AssessmentId id) {
        AtomicInteger reads = new AtomicInteger();
        return new AssessmentFeed(assessments, (tenant, assessment, revision, line, listed, covered) -> {
            if (reads.incrementAndGet() == failing) {
                throw new IllegalStateException("the database is away");
            }
            return assessments.historyWindow(tenant, assessment, revision, line, listed, covered);
        }, forms, Callers.KAWASAKI, id, 2);
    }

    private static HistoryEntry first(AssessmentChanged message) {
        return message.changes().get(0).entry();
    }

    /** Stores {@code lines} history lines at {@code revision}, each a copy of the line 0 of revision {@code from}. */
    private void copyLine(AssessmentId id, long from, long revision, int lines) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO rm_edit_history (tenant_code, assessment_id, revision, line, event_type, item_id,
                         old_answer, new_answer, reason, actor_id, actor_name, occurred_at, entry_path, detail, command)
                     SELECT tenant_code, assessment_id, ?, n, event_type, item_id, old_answer, new_answer, reason,
                         actor_id, actor_name, occurred_at, entry_path, detail, command
                     FROM rm_edit_history, generate_series(0, ? - 1) n
                     WHERE assessment_id = ? AND revision = ? AND line = 0""")) {
            insert.setLong(1, revision);
            insert.setInt(2, lines);
            insert.setObject(3, id.value());
            insert.setLong(4, from);
            assertThat(insert.executeUpdate()).isEqualTo(lines);
        }
    }
}
