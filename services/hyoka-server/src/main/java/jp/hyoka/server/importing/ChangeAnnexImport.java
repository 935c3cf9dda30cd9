package jp.hyoka.server.importing;

import jp.hyoka.server.assessment.AssessmentIds;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.importing.DecodedExport;
import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.domain.importing.ImportProblem;
import jp.hyoka.domain.importing.ImportRejected;
import jp.hyoka.domain.importing.annex.ChangeAnnex;
import jp.hyoka.domain.importing.annex.ChangeAnnexParser;
import jp.hyoka.domain.importing.annex.PathResolution;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.security.Caller;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes the 変更箇所 annex of a published document (a whole 評価書 or the annex alone, like sample 001) over as an
 * assessment's past, in one command: all rows or none. The file is identified by the SHA-256 of its text, so a
 * second import of the same file adds nothing and says so.
 */
@Singleton
public class ChangeAnnexImport {

    public static final String NO_CHANGE_ANNEX = "NO_CHANGE_ANNEX";

    private final ImportCommands editing;
    private final AssessmentQueries queries;
    private final ClasspathFormCatalog forms;

    public ChangeAnnexImport(ImportCommands editing, AssessmentQueries queries, ClasspathFormCatalog forms) {
        this.editing = editing;
        this.queries = queries;
        this.forms = forms;
    }

    /** The edit outcome, and the report when the file could be read at all. */
    public record Result(EditOutcome outcome, AnnexImportReport report) {
    }

    /** @throws ImportRejected when the file is empty, binary, undecodable or has no change annex */
    public Result importAnnex(Caller caller, String assessmentId, long expectedRevision, String fileName,
                              byte[] content, String reason) {
        DecodedExport decoded = ExportDecoding.decode(content);
        ChangeAnnex annex = ChangeAnnexParser.parse(decoded.lines());
        if (annex.rows().isEmpty()) {
            throw new ImportRejected(new ImportProblem(NO_CHANGE_ANNEX, 0,
                    "The file has no 変更箇所 annex (no 変更日/項目 header row) or the annex has no rows."));
        }
        Optional<FormDefinition> form = AssessmentIds.parse(assessmentId)
                .flatMap(id -> queries.find(caller.tenant(), id))
                .flatMap(view -> forms.find(view.form()));
        List<PathResolution> paths = ImportSources.resolve(annex, form.map(found -> ImportSources.resolver(found, forms)));
        List<PastChange> changes = ImportSources.pastChanges(annex, paths, form);
        int resolved = (int) changes.stream().filter(change -> change.itemId() != null).count();
        EditOutcome outcome = editing.importPast(caller, assessmentId, expectedRevision,
                ImportSources.sourceName(fileName), ImportSources.contentHash(decoded), changes, reason);
        boolean alreadyImported = outcome instanceof EditOutcome.Edited edited && edited.revision() == expectedRevision;
        List<ImportProblem> warnings = new ArrayList<>(ImportSources.warnings(decoded, annex));
        warnings.addAll(ImportSources.pathWarnings(annex, paths));
        return new Result(outcome, new AnnexImportReport(annex.rowsRead(), alreadyImported ? 0 : changes.size(),
                resolved, decoded.encoding(), warnings, alreadyImported));
    }
}
