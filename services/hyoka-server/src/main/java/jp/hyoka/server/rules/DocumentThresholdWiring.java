package jp.hyoka.server.rules;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.rules.threshold.DocumentThreshold;
import jp.hyoka.domain.rules.threshold.DocumentThresholdAnswers;
import jp.hyoka.domain.rules.threshold.DocumentThresholdCheck;
import jp.hyoka.domain.rules.threshold.FormThresholdAnswers;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AnswerView;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.graphql.Requests;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code Assessment.threshold}: the document's しきい値判断 from its own answers ({@link FormThresholdAnswers}), checked by
 * the domain ({@link DocumentThreshold}); its decision is shown as {@code thresholdDecision} shows one, for the
 * document's own kind. Wired into rules.graphqls with {@link ThresholdWiring} (one feature, one SDL file).
 */
@Singleton
public class DocumentThresholdWiring {

    /** The check, and the answers it came from (their counting dates are shown too). */
    record Checked(DocumentThresholdCheck check, DocumentThresholdAnswers answers) {
    }

    private final AssessmentQueries assessments;
    private final SeriousIncidentQueries incidents;

    public DocumentThresholdWiring(AssessmentQueries assessments, SeriousIncidentQueries incidents) {
        this.assessments = assessments;
        this.incidents = incidents;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Assessment", type -> type.dataFetcher("threshold", environment -> {
            AssessmentView assessment = environment.getSource();
            MunicipalityCode tenant = Requests.caller(environment).tenant();
            List<AnswerView> views = assessments.answers(tenant, assessment.id());
            DocumentThresholdAnswers answers = FormThresholdAnswers.of(assessment.form().kind(), itemId -> views.stream()
                    .filter(view -> view.itemId().equals(itemId) && view.entries().isEmpty())
                    .map(AnswerView::answer).findFirst());
            // today in Japan: the municipality's 重大事故 of the past year count whatever the document says
            return new Checked(DocumentThreshold.check(answers, incidents.discoveries(tenant),
                    LocalDate.now(JapaneseDates.JAPAN)), answers);
        }));
        wiring.type("DocumentThreshold", type -> type
                .dataFetcher("decision", environment -> checked(environment).check().decision()
                        .map(decision -> new ThresholdWiring.Answer(decision, checked(environment).answers().kind()))
                        .orElse(null))
                .dataFetcher("lowest", environment -> checked(environment).check().lowest().orElse(null))
                .dataFetcher("highest", environment -> checked(environment).check().highest().orElse(null))
                .dataFetcher("stated", environment -> checked(environment).check().stated().orElse(null))
                .dataFetcher("personsCountedOn", environment -> checked(environment).answers().personsCountedOn()
                        .orElse(null))
                .dataFetcher("handlersCountedOn", environment -> checked(environment).answers().handlersCountedOn()
                        .orElse(null))
                .dataFetcher("warnings", environment -> checked(environment).check().warnings()));
    }

    private static Checked checked(graphql.schema.DataFetchingEnvironment environment) {
        return environment.getSource();
    }
}
