package jp.hyoka.server.importing;

import jp.hyoka.domain.assessment.ComponentUse;
import jp.hyoka.server.assessment.AssessmentView;

import java.util.List;
import java.util.Map;

/**
 * What the import of one published document did, to act on (GraphQL ImportReport, and as a printable page):
 * the file with its rows read and mapped, each row kept aside and why, each 変更箇所 row whose 項目 names no item with
 * its candidates, and each section linked to a shared component.
 */
public record ImportReport(AssessmentView assessment, Map<String, Object> source, List<Map<String, Object>> keptAside,
                           int pastChanges, int itemPathsResolved, List<ImportReports.UnresolvedPath> unresolvedPaths,
                           List<ComponentUse> linkedComponents) {
    public ImportReport {
        keptAside = List.copyOf(keptAside);
        unresolvedPaths = List.copyOf(unresolvedPaths);
        linkedComponents = List.copyOf(linkedComponents);
    }
}
