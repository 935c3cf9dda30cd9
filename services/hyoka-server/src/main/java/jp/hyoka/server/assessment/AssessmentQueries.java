package jp.hyoka.server.assessment;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.ProjectedRevisions;
import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.database.PageRequest;
import jp.hyoka.server.database.TenantQueries;
import jp.hyoka.server.database.TenantScopedReads;
import jp.hyoka.server.graphql.VersionedRoot;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static jp.hyoka.server.assessment.ReadModels.fromJson;

/**
 * Reads of the current documents (rm_assessment, rm_answer, rm_repeat_entry) and of what changed since a revision
 * (rm_edit_history), for every feature. Every query takes the caller's tenant, filters by it, and runs under
 * row-level security scoped to it ({@link TenantQueries}).
 */
@Singleton
public class AssessmentQueries implements ProjectedRevisions {

    private static final String ASSESSMENT = "SELECT * FROM rm_assessment WHERE tenant_code = ? AND assessment_id = ?";
    private static final String REVISION = "SELECT revision FROM rm_assessment WHERE tenant_code = ? "
            + "AND assessment_id = ?";
    private static final String VERSION = "SELECT revision, xmin::text::bigint FROM rm_assessment "
            + "WHERE tenant_code = ? AND assessment_id = ?";
    private static final String ANSWERS = "SELECT * FROM rm_answer WHERE tenant_code = ? AND assessment_id = ?";
    private static final String ENTRIES = "SELECT * FROM rm_repeat_entry WHERE tenant_code = ? AND assessment_id = ? "
            + "ORDER BY group_id, parent_path, position";

    /** A whole document as one read saw it: its row, every answer, every repeat entry. */
    public record Whole(AssessmentView view, List<AnswerView> answers, List<EntryView> entries) {
    }

    private final TenantScopedReads reads;
    private final TenantQueries queries;

    public AssessmentQueries(TenantScopedReads reads) {
        this.reads = reads;
        this.queries = new TenantQueries(reads);
    }

    public Optional<AssessmentView> find(MunicipalityCode tenant, AssessmentId id) {
        return queries.query(tenant, ASSESSMENT, statement -> ofAssessment(statement, tenant, id, 1),
                AssessmentQueries::view).stream().findFirst();
    }

    /**
     * The document, its answers and its repeat entries in one read: one transaction in one snapshot, the three SELECTs
     * sent with its scope as one batch (one round trip), so the three parts are the document at one revision (what a
     * kept answer relies on, ResponseCache) and cost what one read costs.
     */
    public Optional<Whole> findWhole(MunicipalityCode tenant, AssessmentId id) {
        return reads.queryOneSnapshot(tenant, ASSESSMENT + ";\n" + ANSWERS + ";\n" + ENTRIES, statement -> {
            for (int query = 0; query < 3; query++) {
                ofAssessment(statement, tenant, id, 1 + 2 * query);
            }
        }, statement -> {
            List<AssessmentView> views = TenantQueries.rows(statement.getResultSet(), AssessmentQueries::view);
            statement.getMoreResults();
            List<AnswerView> answers = TenantQueries.rows(statement.getResultSet(), AssessmentQueries::answer);
            statement.getMoreResults();
            List<EntryView> entries = TenantQueries.rows(statement.getResultSet(), AssessmentQueries::entry);
            return views.stream().findFirst().map(view -> new Whole(view, answers, entries));
        });
    }

    /**
     * The document's revision and its row's version ({@code xmin}, changed by every write of the row: a rebuild's
     * new rows too), as the caller's municipality sees it: what a kept answer of it is keyed on (ResponseCache).
     */
    public Optional<VersionedRoot.Version> version(MunicipalityCode tenant, AssessmentId id) {
        return queries.query(tenant, VERSION, statement -> ofAssessment(statement, tenant, id, 1),
                row -> new VersionedRoot.Version(row.getLong(1), row.getLong(2))).stream().findFirst();
    }

    private static void ofAssessment(PreparedStatement statement, MunicipalityCode tenant, AssessmentId id,
                                     int firstParameter) throws SQLException {
        statement.setString(firstParameter, tenant.value());
        statement.setObject(firstParameter + 1, id.value());
    }

    /** Only the revision column: what read-your-writes asks while it waits, without reading the document's row. */
    @Override
    public long revision(MunicipalityCode tenant, AssessmentId id) {
        return queries.query(tenant, REVISION, statement -> ofAssessment(statement, tenant, id, 1),
                rows -> rows.getLong(1)).stream().findFirst().orElse(0L);
    }

    /** Newest first, the page {@code request} names (its cursor from a previous page, or null). */
    public Page<AssessmentView> list(MunicipalityCode tenant, PageRequest request) {
        return list(tenant, request, "");
    }

    public int count(MunicipalityCode tenant) {
        return count(tenant, "");
    }

    /** The assessments with a version published (the public may read them), newest first. */
    public Page<AssessmentView> listPublished(MunicipalityCode tenant, PageRequest request) {
        return list(tenant, request, EVER_PUBLISHED);
    }

    public int countPublished(MunicipalityCode tenant) {
        return count(tenant, EVER_PUBLISHED);
    }

    /** Published now, or a later version drafted after one was (an imported document is published version 1). */
    private static final String EVER_PUBLISHED = " AND (published OR version > 1)";

    private Page<AssessmentView> list(MunicipalityCode tenant, PageRequest request, String filter) {
        Optional<String[]> position = Optional.ofNullable(request.cursor()).map(AssessmentQueries::listPosition);
        String order = " ORDER BY created_at " + request.descending() + ", assessment_id " + request.descending()
                + " LIMIT ?";
        List<AssessmentView> rows = queries.query(tenant, position.isEmpty()
                        ? "SELECT * FROM rm_assessment WHERE tenant_code = ?" + filter + order
                        : "SELECT * FROM rm_assessment WHERE tenant_code = ?" + filter + " AND (created_at, assessment_id) "
                                + request.beyondDescending() + " (?, ?)" + order,
                statement -> {
                    statement.setString(1, tenant.value());
                    if (position.isPresent()) {
                        statement.setTimestamp(2, Timestamp.from(Instant.parse(position.get()[0])));
                        statement.setObject(3, UUID.fromString(position.get()[1]));
                        statement.setInt(4, request.size() + 1);
                    } else {
                        statement.setInt(2, request.size() + 1);
                    }
                }, AssessmentQueries::view);
        return Page.read(rows, request, v -> v.createdAt() + "|" + v.id());
    }

    private int count(MunicipalityCode tenant, String filter) {
        return queries.query(tenant, "SELECT count(*) FROM rm_assessment WHERE tenant_code = ?" + filter,
                statement -> statement.setString(1, tenant.value()), row -> row.getInt(1)).get(0);
    }

    public List<AnswerView> answers(MunicipalityCode tenant, AssessmentId id) {
        return queries.query(tenant, ANSWERS, statement -> ofAssessment(statement, tenant, id, 1),
                AssessmentQueries::answer);
    }

    /** Every entry of every repeating group, in order within each group and parent. */
    public List<EntryView> entries(MunicipalityCode tenant, AssessmentId id) {
        return queries.query(tenant, ENTRIES, statement -> ofAssessment(statement, tenant, id, 1),
                AssessmentQueries::entry);
    }

    private static AnswerView answer(ResultSet row) throws SQLException {
        return new AnswerView(row.getString("item_id"), EntryPaths.split(row.getString("entry_path")),
                fromJson(row.getString("answer")), row.getLong("revision"), instant(row, "answered_at"),
                new Actor(row.getString("answered_by_id"), row.getString("answered_by_name")));
    }

    private static EntryView entry(ResultSet row) throws SQLException {
        return new EntryView(row.getString("entry_id"), row.getString("group_id"),
                EntryPaths.split(row.getString("parent_path")), row.getInt("position"));
    }

    /** Oldest first, as an auditor reads it: the page {@code request} names, by revision cursors. */
    public Page<HistoryEntry> history(MunicipalityCode tenant, AssessmentId id, PageRequest request) {
        return historySince(tenant, id, 0, request);
    }

    /**
     * The edits after revision {@code since}, oldest first (what a stale client missed), the page {@code request}
     * names: keyset on the revision, both ways, never before {@code since}.
     */
    public Page<HistoryEntry> historySince(MunicipalityCode tenant, AssessmentId id, long since, PageRequest request) {
        long[] position = historyCursor(request.cursor(), request.backward() ? Long.MAX_VALUE : since);
        List<HistoryEntry> rows = queries.query(tenant, """
                        SELECT * FROM rm_edit_history WHERE tenant_code = ? AND assessment_id = ? AND revision > ?
                        AND (revision, line) %s (?, ?) ORDER BY revision %s, line %s LIMIT ?""".formatted(
                        request.beyondAscending(), request.ascending(), request.ascending()),
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                    statement.setLong(3, since);
                    statement.setLong(4, position[0]);
                    statement.setInt(5, (int) position[1]);
                    statement.setInt(6, request.size() + 1);
                }, HistoryEntry::read);
        return Page.read(rows, request, HistoryEntry::position);
    }

    /** How many history lines (an edit's, or each entry and answer of an import) came after revision {@code since}. */
    public int historyCountSince(MunicipalityCode tenant, AssessmentId id, long since) {
        return queries.query(tenant, """
                        SELECT count(*) FROM rm_edit_history WHERE tenant_code = ? AND assessment_id = ? AND revision > ?""",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                    statement.setLong(3, since);
                }, row -> row.getInt(1)).get(0);
    }

    /** The history line at {@code revision} and {@code line} (0 but in an import's content), a HistoryEntry node's key. */
    public Optional<HistoryEntry> historyEntry(MunicipalityCode tenant, AssessmentId id, long revision, int line) {
        return queries.query(tenant, """
                        SELECT * FROM rm_edit_history WHERE tenant_code = ? AND assessment_id = ? AND revision = ?
                        AND line = ?""",
                statement -> {
                    statement.setString(1, tenant.value());
                    statement.setObject(2, id.value());
                    statement.setLong(3, revision);
                    statement.setInt(4, line);
                }, HistoryEntry::read).stream().findFirst();
    }

    /**
     * A window of up to {@code covered} history lines after the line at {@code revision} and {@code line}, oldest
     * first, of which only the first {@code listed} are read whole: a reader that pages the history by line, so a
     * revision of more lines than a window (an import's) is continued where the window stopped, never skipped.
     * {@code line} {@link Integer#MAX_VALUE}: after every line of {@code revision}. One query; the window's end and
     * size come from the primary key alone (tenant, assessment, revision, line), not from the lines' contents.
     */
    public HistoryWindow historyWindow(MunicipalityCode tenant, AssessmentId id, long revision, int line, int listed,
                                       int covered) {
        List<HistoryWindow.Row> rows = queries.query(tenant, """
                        WITH covered AS (
                            SELECT revision, line FROM rm_edit_history
                            WHERE tenant_code = ? AND assessment_id = ? AND (revision, line) > (?, ?)
                            ORDER BY revision, line LIMIT ?),
                        window_end AS (
                            SELECT revision AS end_revision, line AS end_line, count(*) OVER () AS covered_lines
                            FROM covered ORDER BY revision DESC, line DESC LIMIT 1)
                        SELECT h.*, window_end.* FROM window_end CROSS JOIN LATERAL (
                            SELECT * FROM rm_edit_history
                            WHERE tenant_code = ? AND assessment_id = ? AND (revision, line) > (?, ?)
                            ORDER BY revision, line LIMIT ?) h
                        ORDER BY h.revision, h.line""",
                statement -> {
                    for (int first : new int[]{1, 6}) {
                        statement.setString(first, tenant.value());
                        statement.setObject(first + 1, id.value());
                        statement.setLong(first + 2, revision);
                        statement.setInt(first + 3, line);
                    }
                    statement.setInt(5, covered);
                    statement.setInt(10, Math.min(listed, covered));
                }, HistoryWindow.Row::read);
        return HistoryWindow.of(rows);
    }

    /** Everything that happened after {@code revision}: what a stale client missed (at most 1,000 lines). */
    public List<HistoryEntry> changesSince(MunicipalityCode tenant, AssessmentId id, long revision) {
        return historySince(tenant, id, revision, new PageRequest(1_000, null, false)).items()
                .stream().map(Page.Cursored::item).toList();
    }

    private static String[] listPosition(String cursor) {
        String[] position = Cursors.decode(cursor).map(c -> c.split("\\|", 2)).orElse(new String[0]);
        try {
            if (position.length == 2) {
                Instant.parse(position[0]);
                UUID.fromString(position[1]);
                return position;
            }
        } catch (RuntimeException e) {
            // fall through: not one of our cursors
        }
        throw new IllegalArgumentException("after/before: not a cursor of this list");
    }

    /** A history cursor's revision and line; a missing cursor is {@code absent} (line 0). */
    private static long[] historyCursor(String after, long absent) {
        if (after == null) {
            return new long[]{absent, 0};
        }
        return HistoryEntry.parsePosition(Cursors.decode(after).orElse("x")).filter(p -> p[1] <= Integer.MAX_VALUE)
                .orElseThrow(() -> new IllegalArgumentException("after/before: not a cursor of this history"));
    }

    /** A TIMESTAMPTZ column: pgjdbc reads it as an OffsetDateTime without getTimestamp's Calendar (read-path.md). */
    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static AssessmentView view(ResultSet row) throws SQLException {
        return new AssessmentView(new AssessmentId(row.getObject("assessment_id", UUID.class)),
                new FormRef(FormKind.valueOf(row.getString("form_kind")), row.getString("form_version")),
                row.getString("affair_name"), row.getLong("revision"),
                instant(row, "created_at"),
                new Actor(row.getString("created_by_id"), row.getString("created_by_name")),
                instant(row, "updated_at"),
                new Actor(row.getString("updated_by_id"), row.getString("updated_by_name")),
                row.getInt("version"), row.getBoolean("published"), row.getObject("published_on", LocalDate.class));
    }
}
