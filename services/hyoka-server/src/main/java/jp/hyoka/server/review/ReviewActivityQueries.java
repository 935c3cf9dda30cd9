package jp.hyoka.server.review;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.database.PageRequest;
import jp.hyoka.server.database.TenantQueries;
import jp.hyoka.server.database.TenantScopedReads;
import jp.hyoka.server.graphql.ApiException;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An assessment's review history: every event of its threads (started, replied, resolved, reopened) in the order it
 * happened, keyset-paged both ways, read under the caller's tenant (row-level security).
 */
@Singleton
public class ReviewActivityQueries {

    /** One thread event with what its thread is about. */
    public record ActivityRow(ThreadId threadId, long position, String kind, String text, Actor actor, Instant at,
                              String itemId, String entryId) {

        String cursor() {
            return at + "|" + threadId.value() + "|" + position;
        }
    }

    private final TenantQueries queries;

    public ReviewActivityQueries(TenantScopedReads reads) {
        this.queries = new TenantQueries(reads);
    }

    public Page<ActivityRow> activity(MunicipalityCode tenant, AssessmentId id, PageRequest request) {
        Object[] position = position(request.cursor(), request.backward());
        List<ActivityRow> rows = queries.query(tenant, """
                SELECT e.thread_id, e.position, e.kind, e.text, e.actor_id, e.actor_name, e.occurred_at,
                       t.item_id, t.entry_id
                FROM rm_review_thread_event e
                JOIN rm_review_thread t ON t.thread_id = e.thread_id AND t.tenant_code = e.tenant_code
                WHERE t.tenant_code = ? AND t.assessment_id = ? AND (e.occurred_at, e.thread_id, e.position) %s (?, ?, ?)
                ORDER BY e.occurred_at %s, e.thread_id %s, e.position %s LIMIT ?"""
                .formatted(request.beyondAscending(), request.ascending(), request.ascending(), request.ascending()),
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                    statement.setTimestamp(3, (Timestamp) position[0]);
                    statement.setObject(4, position[1]);
                    statement.setLong(5, (Long) position[2]);
                    statement.setInt(6, request.size() + 1);
                }, row -> new ActivityRow(new ThreadId(row.getObject(1, UUID.class)), row.getLong(2),
                        row.getString(3), row.getString(4), new Actor(row.getString(5), row.getString(6)),
                        row.getTimestamp(7).toInstant(), row.getString(8), row.getString(9)));
        return Page.read(rows, request, ActivityRow::cursor);
    }

    public int count(MunicipalityCode tenant, AssessmentId id) {
        return queries.query(tenant, """
                SELECT count(*) FROM rm_review_thread_event e
                JOIN rm_review_thread t ON t.thread_id = e.thread_id AND t.tenant_code = e.tenant_code
                WHERE t.tenant_code = ? AND t.assessment_id = ?""", statement -> {
            statement.setString(1, tenant.value());
            statement.setObject(2, id.value());
        }, row -> row.getInt(1)).get(0);
    }

    /** Where a page starts: the cursor's (time, thread, position), or before the first / after the last row. */
    private static Object[] position(String cursor, boolean backward) {
        if (cursor == null) {
            return backward
                    ? new Object[]{Timestamp.from(Instant.parse("9999-12-31T00:00:00Z")), maxUuid(), Long.MAX_VALUE}
                    : new Object[]{Timestamp.from(Instant.EPOCH), new UUID(0, 0), 0L};
        }
        String[] parts = Cursors.decode(cursor).map(plain -> plain.split("\\|", 3)).orElse(new String[0]);
        try {
            if (parts.length == 3) {
                return new Object[]{Timestamp.from(Instant.parse(parts[0])), UUID.fromString(parts[1]),
                        Long.parseLong(parts[2])};
            }
        } catch (RuntimeException e) {
            // fall through: not one of this list's cursors
        }
        throw new ApiException(ApiException.BAD_USER_INPUT, "not a cursor of this list: " + cursor);
    }

    private static UUID maxUuid() {
        return new UUID(-1L, -1L);
    }
}
