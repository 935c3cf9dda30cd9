package jp.hyoka.server.rules;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.JapaneseDates;
import jp.hyoka.domain.rules.deadlines.Deadline;
import jp.hyoka.domain.rules.deadlines.Deadlines;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Deadlines (deadlines.graphqls): {@code Assessment.deadlines(asOf)} and the tenant-wide {@code deadlinesDue(from,
 * to)}, computed by the domain ({@link Deadlines}) from what was published when ({@link DeadlineQueries}). "Today"
 * is Japan's date unless {@code asOf} names another day (what a test, or a look ahead, uses).
 */
@Singleton
public class DeadlineWiring implements GraphQlFeature {
    /** The longest period deadlinesDue looks at in one request. */
    static final int MAX_PERIOD_YEARS = 10;

    /** An assessment's deadline, as deadlinesDue lists it. */
    record AssessmentDeadline(AssessmentView assessment, Deadline deadline) {
    }

    private final DeadlineQueries deadlines;
    private final AssessmentQueries assessments;

    public DeadlineWiring(DeadlineQueries deadlines, AssessmentQueries assessments) {
        this.deadlines = deadlines;
        this.assessments = assessments;
    }

    @Override
    public String sdlFile() {
        return "deadlines.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Assessment", type -> type.dataFetcher("deadlines", this::ofAssessment)
                .dataFetcher("deadlinesConnection", environment -> Connection.ofList(ofAssessment(environment),
                        Requests.page(environment, 20), deadline -> deadline))
                .dataFetcher("affairEndedOn", environment -> deadlines.affairEndedOn(Requests.caller(environment).tenant(),
                ((AssessmentView) environment.getSource()).id()).orElse(null)));
        wiring.type("Query", type -> type.dataFetcher("deadlinesDue", this::due)
                .dataFetcher("deadlinesDueConnection", environment -> Connection.ofList(due(environment),
                        Requests.page(environment, 20), due -> due)));
        wiring.type("Deadline", type -> type
                .dataFetcher("label", environment -> ((Deadline) environment.getSource()).kind().label())
                .dataFetcher("basis", environment -> ((Deadline) environment.getSource()).kind().basis()));
    }

    private List<Deadline> ofAssessment(DataFetchingEnvironment environment) {
        AssessmentView assessment = environment.getSource();
        MunicipalityCode tenant = Requests.caller(environment).tenant();
        return Deadlines.of(deadlines.facts(tenant, assessment.id()), asOf(environment));
    }

    private List<AssessmentDeadline> due(DataFetchingEnvironment environment) {
        MunicipalityCode tenant = Requests.caller(environment).tenant();
        LocalDate from = environment.getArgument("from");
        LocalDate to = environment.getArgument("to");
        if (to.isBefore(from) || from.plusYears(MAX_PERIOD_YEARS).isBefore(to)) {
            throw new ApiException(ApiException.BAD_USER_INPUT,
                    "from must not be after to, and the period at most " + MAX_PERIOD_YEARS + " years");
        }
        LocalDate asOf = asOf(environment);
        return deadlines.facts(tenant).entrySet().stream()
                .flatMap(entry -> Deadlines.of(entry.getValue(), asOf).stream()
                        .filter(deadline -> !deadline.dueOn().isBefore(from) && !deadline.dueOn().isAfter(to))
                        .flatMap(deadline -> assessment(tenant, entry.getKey()).stream()
                                .map(view -> new AssessmentDeadline(view, deadline))))
                .sorted(Comparator.comparing((AssessmentDeadline due) -> due.deadline().dueOn())
                        .thenComparing(due -> due.assessment().id().value()))
                .toList();
    }

    private List<AssessmentView> assessment(MunicipalityCode tenant, AssessmentId id) {
        return assessments.find(tenant, id).stream().toList();
    }

    private static LocalDate asOf(DataFetchingEnvironment environment) {
        LocalDate asOf = environment.getArgument("asOf");
        return asOf != null ? asOf : LocalDate.now(JapaneseDates.JAPAN);
    }
}
