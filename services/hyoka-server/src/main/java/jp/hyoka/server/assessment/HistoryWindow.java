package jp.hyoka.server.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A window of an assessment's history lines after a position ({@link AssessmentQueries#historyWindow}): the first of
 * them read whole, and where the window ends and how many lines it covers, which is all a reader that lists a few and
 * moves past many needs (a live update lists 100 of up to 1,000 lines).
 *
 * @param listed      the window's first lines, whole, oldest first
 * @param endRevision the revision of the window's last line
 * @param endLine     the line, within its revision, of the window's last line
 * @param covered     how many lines the window covers (at least {@code listed.size()})
 */
public record HistoryWindow(List<HistoryEntry> listed, long endRevision, int endLine, int covered) {

    /** No line after the position. */
    public static final HistoryWindow NONE = new HistoryWindow(List.of(), 0, 0, 0);

    public HistoryWindow {
        listed = List.copyOf(listed);
    }

    /** No line after the position. */
    public boolean isEmpty() {
        return covered == 0;
    }

    static HistoryWindow of(List<Row> rows) {
        if (rows.isEmpty()) {
            return NONE;
        }
        Row any = rows.get(0);
        return new HistoryWindow(rows.stream().map(Row::entry).toList(), any.endRevision(), any.endLine(),
                any.covered());
    }

    /** A line read whole, with the window's end beside it (the query's every row carries it). */
    record Row(HistoryEntry entry, long endRevision, int endLine, int covered) {
        static Row read(ResultSet row) throws SQLException {
            return new Row(HistoryEntry.read(row), row.getLong("end_revision"), row.getInt("end_line"),
                    row.getInt("covered_lines"));
        }
    }
}
