package jp.hyoka.server.review;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.database.PageRequest;
import jp.hyoka.server.database.TenantQueries;
import jp.hyoka.server.database.TenantScopedReads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
    public record ThreadEventRow(long position, String kind, String text, Actor by, Instant at) {
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

    /** The page {@code request} names of the assessment's threads, oldest first: keyset on (started_at, thread_id). */
    public Page<ThreadRow> threads(MunicipalityCode tenant, AssessmentId assessmentId, String status,
                                   PageRequest request) {
        Object[] position = threadPosition(request);
        List<ThreadRow> rows = queries.query(tenant, """
                SELECT * FROM rm_review_thread WHERE tenant_code = ? AND assessment_id = ?
                    AND (CAST(? AS TEXT) IS NULL OR status = ?) AND (started_at, thread_id) %s (?, ?)
                ORDER BY started_at %s, thread_id %s LIMIT ?"""
                .formatted(request.beyondAscending(), request.ascending(), request.ascending()), statement -> {
            statement.setString(1, tenant.value());
            statement.setObject(2, assessmentId.value());
            statement.setString(3, status);
            statement.setString(4, status);
            statement.setTimestamp(5, (Timestamp) position[0]);
            statement.setObject(6, position[1]);
            statement.setInt(7, request.size() + 1);
        }, ReviewThreadQueries::thread);
        return Page.read(rows, request, row -> row.startedAt() + "|" + row.id().value());
    }

    public int countThreads(MunicipalityCode tenant, AssessmentId assessmentId, String status) {
        return queries.query(tenant, """
                SELECT count(*) FROM rm_review_thread WHERE tenant_code = ? AND assessment_id = ?
                    AND (CAST(? AS TEXT) IS NULL OR status = ?)""", statement -> {
            statement.setString(1, tenant.value());
            statement.setObject(2, assessmentId.value());
            statement.setString(3, status);
            statement.setString(4, status);
        }, row -> row.getInt(1)).get(0);
    }

    public List<ThreadRow> thread(MunicipalityCode tenant, ThreadId id) {
        return queries.query(tenant, "SELECT * FROM rm_review_thread WHERE tenant_code = ? AND thread_id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                }, ReviewThreadQueries::thread);
    }

    public List<ThreadEventRow> events(MunicipalityCode tenant, ThreadId id) {
        return events(tenant, id, new PageRequest(Integer.MAX_VALUE - 1, null, false)).items().stream()
                .map(Page.Cursored::item).toList();
    }

    /** The page {@code request} names of the thread's events, in order: keyset on the event's position. */
    public Page<ThreadEventRow> events(MunicipalityCode tenant, ThreadId id, PageRequest request) {
        long position = eventPosition(request);
        List<ThreadEventRow> rows = queries.query(tenant, """
                SELECT position, kind, text, actor_id, actor_name, occurred_at FROM rm_review_thread_event
                WHERE tenant_code = ? AND thread_id = ? AND position %s ? ORDER BY position %s LIMIT ?"""
                .formatted(request.beyondAscending(), request.ascending()), statement -> {
            statement.setString(1, tenant.value());
            statement.setObject(2, id.value());
            statement.setLong(3, position);
            statement.setInt(4, request.size() + 1);
        }, row -> new ThreadEventRow(row.getLong("position"), row.getString("kind"), row.getString("text"),
                new Actor(row.getString("actor_id"), row.getString("actor_name")),
                row.getTimestamp("occurred_at").toInstant()));
        return Page.read(rows, request, row -> Long.toString(row.position()));
    }

    public int countEvents(MunicipalityCode tenant, ThreadId id) {
        return queries.query(tenant, "SELECT count(*) FROM rm_review_thread_event WHERE tenant_code = ? AND thread_id = ?",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                }, row -> row.getInt(1)).get(0);
    }

    /** Where a page of threads starts: the cursor's (started_at, thread), or before the first / after the last. */
    private static Object[] threadPosition(PageRequest request) {
        if (request.cursor() == null) {
            return request.backward()
                    ? new Object[]{Timestamp.from(Instant.parse("9999-12-31T00:00:00Z")), new UUID(-1L, -1L)}
                    : new Object[]{Timestamp.from(Instant.EPOCH), new UUID(0, 0)};
        }
        String[] parts = Cursors.decode(request.cursor()).map(plain -> plain.split("\\|", 2)).orElse(new String[0]);
        try {
            if (parts.length == 2) {
                return new Object[]{Timestamp.from(Instant.parse(parts[0])), UUID.fromString(parts[1])};
            }
        } catch (RuntimeException e) {
            // fall through: not one of this list's cursors
        }
        throw new ApiException(ApiException.BAD_USER_INPUT, "not a cursor of this list: " + request.cursor());
    }

    private static long eventPosition(PageRequest request) {
        if (request.cursor() == null) {
            return request.backward() ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return Cursors.decode(request.cursor()).filter(plain -> plain.matches("[0-9]{1,18}")).map(Long::parseLong)
                .orElseThrow(() -> new ApiException(ApiException.BAD_USER_INPUT,
                        "not a cursor of this list: " + request.cursor()));
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
