package jp.hyoka.server.importing;

import jp.hyoka.domain.importing.ImportProblem;

import java.util.List;

/**
 * What a document import did: the form revision the body was read against, rows read, mapped and kept aside
 * (warned), answers and repeat entries taken, 変更箇所 rows taken and how many of their 項目 paths resolved, the
 * file's encoding, every warning with its line, and whether the same file had been imported before (then nothing
 * was added and the report describes the earlier import's file).
 */
public record DocumentImportReport(String form, int rowsRead, int rowsMapped, int rowsWarned, int answers,
                                   int repeatEntries, int pastChanges, int itemPathsResolved, String encoding,
                                   List<ImportProblem> warnings, boolean alreadyImported) {
    public DocumentImportReport {
        warnings = List.copyOf(warnings);
    }
}
