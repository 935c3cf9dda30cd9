package jp.hyoka.domain.exporting;

import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.importing.annex.ChangeRow;

/** Parsed annex rows taken over as past changes, as the server's ChangeAnnexImport does (without item ids). */
final class PastChanges {

    private PastChanges() {
    }

    static PastChange of(ChangeRow row) {
        return new PastChange(row.rowIndex(), row.lineNumber(), row.changedOn(), row.changedOnText(), row.itemPath(),
                null, row.before().kind().name(), row.before().text(), row.after().kind().name(), row.after().text(),
                row.timing() == null ? null : row.timing().name(), row.explanation(), row.reason().name());
    }
}
