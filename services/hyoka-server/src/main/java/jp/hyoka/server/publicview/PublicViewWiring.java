package jp.hyoka.server.publicview;

import jp.hyoka.server.assessment.AssessmentIds;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AnswerKey;
import jp.hyoka.domain.assessment.AffairNames;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.DocumentDiff;
import jp.hyoka.domain.assessment.ItemDifference;
import jp.hyoka.domain.form.FormDefinition;
import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.assessment.AssessmentMutations;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.DocumentStates;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.assessment.DocumentStates.Folded;
import jp.hyoka.server.forms.ClasspathFormCatalog;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.security.Caller;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * publicAssessment (the published version as the public reads it; @access PUBLIC, so no token is needed) and the
 * editors' 非公表 marks. The municipality comes from the argument, not from a token: anyone may read any
 * municipality's published documents, and nothing else of it — an unknown id, another municipality's id and a
 * document never published all read as null alike.
 */
@Singleton
public class PublicViewWiring implements GraphQlFeature {

    private final DocumentStates states;
    private final ClasspathFormCatalog forms;
    private final PublicationMarks marks;
    private final AssessmentMutations mutations;

    public PublicViewWiring(DocumentStates states, ClasspathFormCatalog forms, PublicationMarks marks,
                            AssessmentMutations mutations) {
        this.states = states;
        this.forms = forms;
        this.marks = marks;
        this.mutations = mutations;
    }

    /** The public version with its form, as the PublicAssessment type's source. */
    record PublicDocument(Folded folded, FormDefinition form) {
        Assessment state() {
            return folded.state();
        }
    }

    /** An item marked 非公表, with the entries it is in. */
    record WithheldItem(Item item, List<String> entries) {
    }

    /** One printed item, and whether its value is withheld. */
    record PublicAnswer(ItemDifference shown, boolean withheld) {
    }

    /** The page size of the published document's connections when first/last are not given. */
    private static final int PAGE = 50;

    @Override
    public String sdlFile() {
        return "publicview.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("publicAssessment", this::publicAssessment));
        wiring.type("PublicAssessment", type -> type
                .dataFetcher("municipalityCode", environment -> document(environment).state().tenant().value())
                .dataFetcher("id", environment -> document(environment).state().id().toString())
                .dataFetcher("form", environment -> document(environment).state().form())
                .dataFetcher("affairName", environment -> AffairNames.printed(document(environment).state()
                        .answer(Assessment.AFFAIR_NAME).map(answer -> ((TextAnswer) answer).text()).orElse(""),
                        document(environment).state().lifecycle().affairEndedOn()))
                .dataFetcher("affairEndedOn", environment -> document(environment).state().lifecycle().affairEndedOn())
                .dataFetcher("version", environment -> document(environment).state().lifecycle().version())
                .dataFetcher("publishedOn", environment -> document(environment).state().lifecycle().publishedOn())
                .dataFetcher("answers", environment -> answers(document(environment)))
                .dataFetcher("answersConnection", environment -> Connection.ofList(answers(document(environment)),
                        Requests.page(environment, PAGE), answer -> answer))
                .dataFetcher("pastChanges", environment -> document(environment).folded().past())
                .dataFetcher("pastChangesConnection", environment -> Connection.ofList(
                        document(environment).folded().past(), Requests.page(environment, PAGE), change -> change)));
        wiring.type("PublicAnswer", type -> type
                .dataFetcher("item", environment -> answer(environment).shown().item())
                .dataFetcher("entryIds", environment -> answer(environment).shown().entries())
                .dataFetcher("itemPath", environment -> answer(environment).shown().itemPath())
                .dataFetcher("text", environment -> answer(environment).shown().afterText())
                .dataFetcher("withheld", environment -> answer(environment).withheld()));
        wiring.type("Assessment", type -> type.dataFetcher("withheldFromPublication", this::withheld));
        wiring.type("WithheldItem", type -> type
                .dataFetcher("item", environment -> ((WithheldItem) environment.getSource()).item())
                .dataFetcher("entryIds", environment -> ((WithheldItem) environment.getSource()).entries()));
        wiring.type("Mutation", type -> type
                .dataFetcher("withholdItemFromPublication", environment -> mark(environment, marks::withhold))
                .dataFetcher("restoreItemPublication", environment -> mark(environment, marks::restore)));
    }

    /** PublicationMarks.withhold or .restore: the same input, another command. */
    private interface Mark {
        EditOutcome send(Caller caller, String assessmentId, long expectedRevision, String itemId,
                         List<String> entries, String reason);
    }

    private Object mark(DataFetchingEnvironment environment, Mark mark) {
        Caller caller = Requests.caller(environment);
        Map<String, Object> input = environment.getArgument("input");
        return mutations.node(caller, mark.send(caller, (String) input.get("assessmentId"),
                AssessmentMutations.revision(input), (String) input.get("itemId"),
                AssessmentMutations.ids(input, "entryIds"), (String) input.get("reason")), environment);
    }

    private PublicDocument publicAssessment(DataFetchingEnvironment environment) {
        Optional<MunicipalityCode> municipality = MunicipalityCode.parse(environment.getArgument("municipalityCode"));
        Optional<AssessmentId> id = AssessmentIds.parse(environment.getArgument("assessmentId"));
        if (municipality.isEmpty() || id.isEmpty()) {
            return null;
        }
        return published(municipality.get(), id.get()).orElse(null);
    }

    /** The version last published, as the public reads it; empty if there is none. */
    Optional<PublicDocument> published(MunicipalityCode municipality, AssessmentId id) {
        return states.publicVersion(municipality, id, Instant.now())
                .map(folded -> new PublicDocument(folded, forms.find(folded.state().form()).orElseThrow()));
    }

    /** Folded from the events, like pendingChanges: no read model keeps the marks. */
    private List<WithheldItem> withheld(DataFetchingEnvironment environment) {
        Caller caller = Requests.caller(environment);
        AssessmentView assessment = environment.getSource();
        return states.current(caller.tenant(), assessment.id()).map(folded -> {
            FormDefinition form = forms.find(folded.state().form()).orElseThrow();
            return form.items().stream().flatMap(item -> folded.state().withheldFromPublication().stream()
                    .filter(key -> key.itemId().equals(item.id()))
                    .sorted(Comparator.comparing(key -> String.join("/", key.entries())))
                    .map(key -> new WithheldItem(item, key.entries()))).toList();
        }).orElse(List.of());
    }

    /** Every printed item in form order, with the path it prints under (as assessmentAt lists them). */
    private static List<PublicAnswer> answers(PublicDocument document) {
        Assessment state = document.state();
        return DocumentDiff.between(document.form(), Map.of(), Map.of(), state.answers(), state.entries()).stream()
                .map(shown -> new PublicAnswer(shown, state.isWithheldFromPublication(
                        new AnswerKey(shown.item().id(), shown.entries())))).toList();
    }

    private static PublicDocument document(DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    private static PublicAnswer answer(DataFetchingEnvironment environment) {
        return environment.getSource();
    }
}
