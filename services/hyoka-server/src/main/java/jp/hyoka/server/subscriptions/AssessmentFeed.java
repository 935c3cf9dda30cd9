package jp.hyoka.server.subscriptions;

import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.HistoryEntry;
import jp.hyoka.server.assessment.Nodes.HistoryNode;
import jp.hyoka.server.forms.ClasspathFormCatalog;

import java.util.List;

/**
 * One assessment's new revisions, read from its history (rm_edit_history, a row per line of each stored event) under
 * its municipality's scope. A round sends one message with everything since the last one: a whole command (an import of
 * hundreds of events) arrives together, since the read models only ever show whole commands.
 */
final class AssessmentFeed extends Subscribers<AssessmentChanged> {

    /** Changes listed in one message; the rest is in the assessment's history. */
    static final int MAX_CHANGES = 100;

    private final AssessmentQueries assessments;
    private final ClasspathFormCatalog forms;
    private final MunicipalityCode tenant;
    private final AssessmentId id;
    private long delivered;

    AssessmentFeed(AssessmentQueries assessments, ClasspathFormCatalog forms, MunicipalityCode tenant, AssessmentId id,
                   long revision) {
        this.assessments = assessments;
        this.forms = forms;
        this.tenant = tenant;
        this.id = id;
        this.delivered = revision;
    }

    @Override
    List<AssessmentChanged> readNew() {
        List<HistoryEntry> changes = assessments.changesSince(tenant, id, delivered);
        if (changes.isEmpty()) {
            return List.of();
        }
        // The items are labelled by the form revision the assessment is on now (a migration may just have moved it).
        AssessmentView view = assessments.find(tenant, id).orElseThrow();
        var form = forms.find(view.form()).orElseThrow();
        delivered = changes.get(changes.size() - 1).revision();
        return List.of(new AssessmentChanged(AssessmentIds.global(id), delivered,
                changes.stream().limit(MAX_CHANGES).map(entry -> HistoryNode.of(entry, form)).toList(),
                changes.size() <= MAX_CHANGES));
    }
}
