package jp.hyoka.server.review;

import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.review.DocumentOutline;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.EntryView;
import jp.hyoka.server.forms.ClasspathFormCatalog;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A new thread's anchor is checked against the assessment as the caller's municipality reads it: its form revision
 * and its entries now. Read from the current document (read-your-writes makes an entry the caller just added
 * visible); another municipality's assessment is not there, like a missing one.
 */
@Singleton
public class ThreadDocuments {

    private final AssessmentQueries assessments;
    private final ClasspathFormCatalog forms;

    public ThreadDocuments(AssessmentQueries assessments, ClasspathFormCatalog forms) {
        this.assessments = assessments;
        this.forms = forms;
    }

    public Optional<DocumentOutline> outline(MunicipalityCode tenant, AssessmentId id) {
        return assessments.find(tenant, id).flatMap(view -> forms.find(view.form())).map(form ->
                new DocumentOutline(form, assessments.entries(tenant, id).stream()
                        .collect(Collectors.toMap(EntryView::entryId, EntryView::groupId, (a, b) -> a))));
    }
}
