package jp.hyoka.server.review;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.database.TenantQueries;
import jp.hyoka.server.database.TenantScopedReads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A municipality's review threads (rm_review_thread, rm_review_thread_event), always read scoped to the caller's
 * municipality (row-level security on top of each query's own tenant filter).
 */
@Singleton
public class ReviewThreadQueries {

    /** One thread: what it is about (itemId null: the whole document), whether resolved, who started it. */
    public record ThreadRow(ThreadId id, AssessmentId assessmentId, String itemId, String entryId, String status,
                            Actor startedBy, Instant startedAt, Instant updatedAt) {
    }

    /** One event of a thread: a comment (STARTED, REPLIED: with text) or a change of status. */
    public record ThreadEventRow(String kind, String text, Actor by, Instant at) {
    }

    private final TenantQueries queries;

    public ReviewThreadQueries(TenantScopedReads reads) {
        this.queries = new TenantQueries(reads);
    }

    /** The assessment's threads, oldest first; {@code status} null: open and resolved. */
    public List<ThreadRow> threads(MunicipalityCode tenant, AssessmentId assessmentId, String status) {
        return queries.query(tenant, """
                SELECT * FROM rm_review_thread WHERE tenant_code = ? AND assessment_id = ?
                    AND (CAST(? AS TEXT) IS NULL OR status = ?)
                ORDER BY started_at, thread_id""", statement -> {
            statement.setString(1, tenant.value());
            statement.setObject(2, assessmentId.value());
            statement.setString(3, status);
            statement.setString(4, status);
        }, ReviewThreadQueries::thread);
    }

    public List<ThreadRow> thread(MunicipalityCode tenant, ThreadId id) {
        return queries.query(tenant, "SELECT * FROM rm_review_thread WHERE tenant_code = ? AND thread_id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                }, ReviewThreadQueries::thread);
    }

    public List<ThreadEventRow> events(MunicipalityCode tenant, ThreadId id) {
        return queries.query(tenant, """
                SELECT kind, text, actor_id, actor_name, occurred_at FROM rm_review_thread_event
                WHERE tenant_code = ? AND thread_id = ? ORDER BY position""", statement -> {
            statement.setString(1, tenant.value());
            statement.setObject(2, id.value());
        }, row -> new ThreadEventRow(row.getString("kind"), row.getString("text"),
                new Actor(row.getString("actor_id"), row.getString("actor_name")),
                row.getTimestamp("occurred_at").toInstant()));
    }

    /** How many events of the thread are projected (0: none yet); what read-your-writes waits for. */
    public long revision(MunicipalityCode tenant, ThreadId id) {
        return queries.query(tenant, "SELECT revision FROM rm_review_thread WHERE tenant_code = ? AND thread_id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                }, row -> row.getLong(1)).stream().findFirst().orElse(0L);
    }

    private static ThreadRow thread(ResultSet row) throws SQLException {
        return new ThreadRow(new ThreadId(row.getObject("thread_id", UUID.class)),
                new AssessmentId(row.getObject("assessment_id", UUID.class)), row.getString("item_id"),
                row.getString("entry_id"), row.getString("status"),
                new Actor(row.getString("started_by_id"), row.getString("started_by_name")),
                row.getTimestamp("started_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
