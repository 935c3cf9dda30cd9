package jp.hyoka.server.rules;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rules.threshold.KindComparison;
import jp.hyoka.domain.rules.threshold.ThresholdDecision;
import jp.hyoka.domain.rules.threshold.ThresholdInputs;
import jp.hyoka.domain.rules.threshold.ThresholdJudgement;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.GraphQlFeature;

import java.util.Map;

/**
 * {@code thresholdDecision}: the domain's しきい値判断 over GraphQL. Roles are checked by the schema's {@code @access};
 * nothing is read or stored, so no municipality is needed and platform operators may ask too. A negative 対象人数 is
 * a malformed argument (BAD_USER_INPUT, as for paging arguments), not a business refusal.
 */
@Singleton
public class ThresholdWiring implements GraphQlFeature {

    private final DocumentThresholdWiring documents;

    public ThresholdWiring(DocumentThresholdWiring documents) {
        this.documents = documents;
    }

    /** The decision and the kind the query named, which the kind-dependent fields fall back to. */
    record Answer(ThresholdDecision decision, FormKind queryKind) {
    }

    @Override
    public String sdlFile() {
        return "rules.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        documents.wire(wiring);
        wiring.type("Query", type -> type.dataFetcher("thresholdDecision", environment -> {
            Map<String, Object> input = environment.getArgument("input");
            try {
                ThresholdInputs inputs = new ThresholdInputs((Integer) input.get("persons"),
                        (Boolean) input.get("handlersAtLeast500"), (Boolean) input.get("seriousIncidentInPastYear"));
                return new Answer(ThresholdJudgement.judge(inputs), kind(environment, null));
            } catch (CommandRejected e) {
                throw new ApiException(ApiException.BAD_USER_INPUT, e.rejection().message());
            }
        }));
        wiring.type("ThresholdDecision", type -> type
                .dataFetcher("mandatory", environment -> decision(environment).mandatory())
                .dataFetcher("requiredKind", environment -> decision(environment).mandatory().requiredKind()
                        .orElse(null))
                .dataFetcher("personsBand", environment -> decision(environment).band().label())
                .dataFetcher("aggravatedBy", environment -> decision(environment).aggravatedBy())
                .dataFetcher("explanation", environment -> decision(environment).explanation())
                .dataFetcher("resultText", environment -> {
                    FormKind kind = kind(environment, answer(environment).queryKind());
                    return kind == null ? null : decision(environment).resultText(kind).orElse(null);
                })
                .dataFetcher("comparison", environment -> {
                    FormKind kind = kind(environment, answer(environment).queryKind());
                    return kind == null ? null : decision(environment).compare(kind);
                }));
        wiring.type("ThresholdComparison", type -> type
                .dataFetcher("warning", environment -> ((KindComparison) environment.getSource()).warning()
                        .orElse(null)));
    }

    private static Answer answer(DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    private static ThresholdDecision decision(DataFetchingEnvironment environment) {
        return answer(environment).decision();
    }

    /** The {@code kind} argument of this field, else {@code fallback}. */
    private static FormKind kind(DataFetchingEnvironment environment, FormKind fallback) {
        String kind = environment.getArgument("kind");
        return kind == null ? fallback : FormKind.valueOf(kind);
    }
}
