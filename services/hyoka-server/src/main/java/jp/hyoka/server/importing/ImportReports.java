package jp.hyoka.server.importing;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.ComponentUse;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.importing.annex.PathCandidate;
import jp.hyoka.domain.importing.annex.PathResolution;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.DocumentStates;
import jp.hyoka.server.forms.ClasspathFormCatalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report of an imported assessment, read again whenever asked: the file and its counts, the rows kept aside
 * (rm_unmapped_content), the 変更箇所 rows whose 項目 names no item (rm_past_change without an item id) with the
 * candidates the resolver sees for them, and the sections linked to shared components (the document's own uses).
 * Nothing of it is stored twice: the rows are the import's; only the candidates are worked out on reading, by the
 * resolver of today on the assessment's form (the import stored the outcome, not the candidates).
 */
@Singleton
public class ImportReports {

    private final ImportQueries imports;
    private final ClasspathFormCatalog forms;
    private final DocumentStates states;

    public ImportReports(ImportQueries imports, ClasspathFormCatalog forms, DocumentStates states) {
        this.imports = imports;
        this.forms = forms;
        this.states = states;
    }

    /** A 項目 path that names no item, with what it names instead (a block, an entry …) or the candidates seen. */
    public record UnresolvedPath(Map<String, Object> pastChange, String outcome, String note,
                                 List<Candidate> candidates) {
    }

    /** A place of the form a path may mean, by its printed number and label as well as its id. */
    public record Candidate(String id, String number, String label, double score, String why) {
    }

    /** The report; empty for an assessment that was not imported from a document. */
    public Optional<ImportReport> report(MunicipalityCode tenant, AssessmentView assessment) {
        return imports.importedFrom(tenant, assessment.id()).map(source -> {
            List<Map<String, Object>> past = imports.pastChanges(tenant, assessment.id());
            return new ImportReport(assessment, source, imports.unmappedContent(tenant, assessment.id()), past.size(),
                    (int) past.stream().filter(change -> change.get("itemId") != null).count(),
                    unresolved(assessment, past), linkedComponents(tenant, assessment.id()));
        });
    }

    /** The uses an import linked, from the document's own events, in the order the import found them. */
    public List<ComponentUse> linkedComponents(MunicipalityCode tenant, AssessmentId id) {
        return states.current(tenant, id)
                .map(folded -> folded.state().components().uses().values().stream()
                        .filter(use -> use.similarity() != null)
                        .sorted(Comparator.comparingInt(ImportReports::foundAt))
                        .toList())
                .orElse(List.of());
    }

    /** Links are named import-1, import-2 … in the order the import found them in the document. */
    private static int foundAt(ComponentUse use) {
        String number = use.useId().substring(use.useId().lastIndexOf('-') + 1);
        return number.matches("\\d{1,9}") ? Integer.parseInt(number) : Integer.MAX_VALUE;
    }

    /** Paths resolved together, in order, as the import resolved them (a bare label takes the row before's context). */
    private List<UnresolvedPath> unresolved(AssessmentView assessment, List<Map<String, Object>> past) {
        Optional<FormDefinition> form = forms.find(assessment.form());
        List<PathResolution> paths = form.map(definition -> ImportSources.resolver(definition, forms)
                .resolveAll(past.stream().map(change -> (String) change.get("itemPath")).toList())).orElse(List.of());
        List<UnresolvedPath> unresolved = new ArrayList<>();
        for (int index = 0; index < past.size(); index++) {
            Map<String, Object> change = past.get(index);
            if (change.get("itemId") != null) {
                continue;
            }
            if (paths.isEmpty()) {
                unresolved.add(new UnresolvedPath(change, "UNRESOLVED", "the assessment's form is not known", List.of()));
                continue;
            }
            PathResolution path = paths.get(index);
            unresolved.add(new UnresolvedPath(change, path.kind().name(), path.note(),
                    path.candidates().stream().map(candidate -> candidate(form.get(), candidate)).toList()));
        }
        return unresolved;
    }

    private static Candidate candidate(FormDefinition form, PathCandidate candidate) {
        String[] place = form.sections().stream().flatMap(section -> section.blocks().stream().flatMap(block -> {
            if (block.id().equals(candidate.id())) {
                return java.util.stream.Stream.<String[]>of(new String[]{section.number() + " " + block.number(), block.label()});
            }
            return block.items().stream().filter(item -> item.id().value().equals(candidate.id()))
                    .map(item -> new String[]{item.number(), item.label()});
        })).findFirst().orElseGet(() -> form.sections().stream()
                .filter(section -> section.id().equals(candidate.id()))
                .map(section -> new String[]{section.number(), section.label()})
                .findFirst().orElse(new String[]{"", candidate.id()}));
        return new Candidate(candidate.id(), place[0].strip(), place[1], candidate.score(), candidate.why());
    }
}
