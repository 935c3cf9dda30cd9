package jp.hyoka.domain.exporting;

import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.form.FormDefinition;

import java.util.ArrayList;
import java.util.List;

/** The 変更箇所 annex as lines of the tab-separated export: heading, blank line, column titles, one line per row. */
final class TsvChangeAnnex {

    private TsvChangeAnnex() {
    }

    static List<String> lines(FormDefinition form, List<PastChange> changes) {
        List<String> lines = new ArrayList<>();
        lines.add(ChangeAnnexHeading.of(form));
        lines.add("");
        lines.add(TsvCell.row(ChangeAnnexHeading.COLUMNS.toArray(String[]::new)));
        changes.forEach(change -> lines.add(row(change)));
        return lines;
    }

    /**
     * Six cells; five for a row recorded without a 変更前 cell (a fused row of the source, DOMAIN.md §4.6), which is
     * the one shape the parser reads as "変更前 missing" — it needs the 提出時期 in the 4th cell to tell. Without a
     * 提出時期 that shape cannot be written, and the row is printed with an empty 変更前 instead.
     */
    private static String row(PastChange change) {
        String timing = PastChangeCells.timing(change);
        String explanation = change.explanation() == null ? "" : change.explanation();
        if (PastChangeCells.beforeMissing(change) && !timing.isEmpty()) {
            return TsvCell.row(PastChangeCells.date(change), change.itemPath(), PastChangeCells.after(change), timing,
                    explanation);
        }
        return TsvCell.row(PastChangeCells.date(change), change.itemPath(), PastChangeCells.before(change),
                PastChangeCells.after(change), timing, explanation);
    }
}
