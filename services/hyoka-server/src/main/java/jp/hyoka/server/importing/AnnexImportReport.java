package jp.hyoka.server.importing;

import jp.hyoka.domain.importing.ImportProblem;

import java.util.List;

/**
 * What an annex import did: rows read and taken over, how many 項目 paths were resolved to item ids of the
 * assessment's form, the file's encoding, every warning with its line, and whether the same file had been imported
 * before (then nothing was added).
 */
public record AnnexImportReport(int rowsRead, int rowsImported, int itemPathsResolved, String encoding,
                                List<ImportProblem> warnings, boolean alreadyImported) {
    public AnnexImportReport {
        warnings = List.copyOf(warnings);
    }
}
