package jp.hyoka.server.importing;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.PastChange;
import jp.hyoka.domain.form.AnswerRules;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.importing.DecodedExport;
import jp.hyoka.domain.importing.ExportDecoding;
import jp.hyoka.domain.importing.ImportProblem;
import jp.hyoka.domain.importing.ImportRejected;
import jp.hyoka.domain.importing.annex.ChangeAnnex;
import jp.hyoka.domain.importing.annex.ChangeAnnexParser;
import jp.hyoka.domain.importing.annex.PathResolution;
import jp.hyoka.domain.importing.body.DocumentBodyImport;
import jp.hyoka.domain.importing.body.ImportedDocument;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.axon.ReadModelCatchUp;
import jp.hyoka.server.axon.StoredRevisions;
import jp.hyoka.server.axon.TimeOrderedIds;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.Tenants;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Takes a published 評価書 over as a new assessment of the caller's municipality: the body's answers and repeat
 * entries, what could not be mapped (kept verbatim), and the 変更箇所 annex as its past, in one command (all or
 * nothing). The assessment id is derived from the tenant and the file's content hash, so importing the same file
 * again finds the same assessment and adds nothing — even when two imports race.
 */
@Singleton
public class DocumentImport {

    public static final String NOTHING_TO_IMPORT = "NOTHING_TO_IMPORT";
    public static final String KIND_REQUIRED = "KIND_REQUIRED";
    public static final String MUNICIPALITY_MISMATCH = "MUNICIPALITY_MISMATCH";

    private final ImportCommands editing;
    private final StoredRevisions stored;
    private final ReadModelCatchUp catchUp;
    private final ClasspathFormCatalog forms;
    private final AnswerRules rules;
    private final Tenants tenants;
    private final TimeOrderedIds ids = new TimeOrderedIds(Clock.systemUTC());

    public DocumentImport(ImportCommands editing, StoredRevisions stored, ReadModelCatchUp catchUp,
                          ClasspathFormCatalog forms, AnswerRules rules, Tenants tenants) {
        this.editing = editing;
        this.stored = stored;
        this.catchUp = catchUp;
        this.forms = forms;
        this.rules = rules;
        this.tenants = tenants;
    }

    /** The edit outcome and the report. */
    public record Result(EditOutcome outcome, DocumentImportReport report) {
    }

    /**
     * @param kind       needed only for a file without a title row (an annex only, like sample 001)
     * @param affairName names the assessment when the file does not (an annex only)
     * @throws ImportRejected when the file is empty, binary, undecodable, has neither body nor annex, or names no
     *                        kind and none was given
     */
    public Result importDocument(Caller caller, String fileName, byte[] content, FormKind kind, String affairName,
                                 String reason) {
        DecodedExport decoded = ExportDecoding.decode(content);
        List<String> lines = decoded.lines();
        Optional<FormKind> printedKind = DocumentBodyImport.kind(lines);
        OptionalInt annexStart = ChangeAnnexParser.locate(lines);           // once, for the annex and the body
        ChangeAnnex annex = ChangeAnnexParser.parse(lines, annexStart);
        if (printedKind.isEmpty() && annex.rows().isEmpty()) {
            throw new ImportRejected(new ImportProblem(NOTHING_TO_IMPORT, 0, "The file is neither a 評価書 (no title "
                    + "row such as 特定個人情報保護評価書(重点項目評価書)) nor a 変更箇所 annex (no 変更日/項目 header row)."));
        }
        FormKind documentKind = printedKind.or(() -> Optional.ofNullable(kind)).orElseThrow(() -> new ImportRejected(
                new ImportProblem(KIND_REQUIRED, 0, "The file is a 変更箇所 annex only and names no form: give the "
                        + "kind (BASIC_ITEMS, KEY_ITEMS or ALL_ITEMS) of the 評価書 it belongs to.")));
        ImportedDocument body = printedKind.isPresent()
                ? DocumentBodyImport.read(lines, annexStart, revisions(documentKind), rules, () -> ids.next().toString())
                : null;
        FormDefinition form = body == null ? forms.current(documentKind) : forms.find(body.form()).orElseThrow();
        List<PathResolution> paths = ImportSources.resolve(annex, Optional.of(ImportSources.resolver(form, forms)));
        List<PastChange> past = ImportSources.pastChanges(annex, paths, Optional.of(form));
        String hash = ImportSources.contentHash(decoded);
        AssessmentId id = idFor(caller, hash);
        // Imported before? The event store is asked (one round trip; the id is this municipality's own, derived from
        // its code), not the read models (a tenant-scoped read costs three): issue 22, row 4.
        long storedRevision = stored.revision(id);
        boolean before = storedRevision > 0;
        EditOutcome outcome = before ? importedBefore(caller, id, storedRevision)
                : send(caller, id, form, affairName, body, fileName, hash, past, reason);
        return new Result(outcome, report(caller, form, body, past, decoded, annex, paths, before));
    }

    /** The assessment the file became, once the read models show it (as a racing import's outcome is given). */
    private EditOutcome importedBefore(Caller caller, AssessmentId id, long revision) {
        catchUp.await(caller.tenant(), id, revision);
        return new EditOutcome.Edited(id, revision);
    }

    /** A racing import of the same file (on any node) comes back as that import's assessment (ImportCommands). */
    private EditOutcome send(Caller caller, AssessmentId id, FormDefinition form, String affairName,
                             ImportedDocument body, String fileName, String hash, List<PastChange> past, String reason) {
        return editing.importDocument(caller, id, form.ref(), affairName, body, ImportSources.sourceName(fileName),
                hash, past, reason);
    }

    /** One assessment per file and municipality: the same file in another municipality is another assessment. */
    static AssessmentId idFor(Caller caller, String contentHash) {
        return new AssessmentId(UUID.nameUUIDFromBytes(("hyoka-import/" + caller.tenant().value() + "/" + contentHash)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private List<FormDefinition> revisions(FormKind kind) {
        return forms.all().stream().filter(form -> form.ref().kind() == kind).toList();
    }

    private DocumentImportReport report(Caller caller, FormDefinition form, ImportedDocument body,
                                        List<PastChange> past, DecodedExport decoded, ChangeAnnex annex,
                                        List<PathResolution> paths, boolean alreadyImported) {
        List<ImportProblem> warnings = new ArrayList<>(ImportSources.warnings(decoded, annex));
        warnings.addAll(ImportSources.pathWarnings(annex, paths));
        if (body != null) {
            warnings.addAll(body.warnings());
            municipalityMismatch(caller, body).ifPresent(warnings::add);
        }
        int resolved = (int) past.stream().filter(change -> change.itemId() != null).count();
        return new DocumentImportReport(form.ref().toString(), body == null ? 0 : body.rowsRead(),
                body == null ? 0 : body.rowsMapped(), body == null ? 0 : body.unmapped().size(),
                body == null ? 0 : body.answers().size(), body == null ? 0 : body.entries().size(), past.size(),
                resolved, decoded.encoding(), warnings, alreadyImported);
    }

    /** 評価実施機関名 ("旭川市長") that does not name the importing municipality is imported, with a warning. */
    private Optional<ImportProblem> municipalityMismatch(Caller caller, ImportedDocument body) {
        Optional<String> organisation = body.text("cover.organisation");
        Optional<String> tenantName = tenants.name(caller.tenant());
        if (organisation.isEmpty() || tenantName.isEmpty() || organisation.get().contains(tenantName.get())) {
            return Optional.empty();
        }
        return Optional.of(new ImportProblem(MUNICIPALITY_MISMATCH, 0, "the document's 評価実施機関名 \""
                + organisation.get() + "\" does not name " + tenantName.get() + " (" + caller.tenant().value()
                + "): imported into " + tenantName.get() + " all the same"));
    }
}
