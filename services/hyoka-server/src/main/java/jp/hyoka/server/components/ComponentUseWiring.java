package jp.hyoka.server.components;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jp.hyoka.domain.assessment.AssessmentId;
import jakarta.inject.Singleton;
import jp.hyoka.server.assessment.AssessmentIds;
import jp.hyoka.domain.assessment.ComponentUseMode;
import jp.hyoka.domain.components.Brackets;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.Numbering;
import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.components.text.HunkResolution;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.server.assessment.AssessmentMutations;
import jp.hyoka.server.assessment.AssessmentQueries;
import jp.hyoka.server.assessment.AssessmentView;
import jp.hyoka.server.assessment.EditOutcome;
import jp.hyoka.server.assessment.LinkedAssessments;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.Results;
import jp.hyoka.server.graphql.Results.ProblemNode;
import jp.hyoka.server.security.Caller;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Shared components in documents over GraphQL (component-uses.graphqls): an assessment's uses and proposals, the
 * municipality's proposals with their three-way view, and the editors' mutations (insert, adapt, change mode, adopt,
 * decline, defer), each answering the edited use or the typed Problem that says why nothing was stored.
 */
@Singleton
public class ComponentUseWiring implements GraphQlFeature {

    private static final List<String> OPEN = List.of("PENDING", "DEFERRED");

    /** A stored edit: the assessment read back, and the use the edit was about. */
    record EditedNode(AssessmentView assessment, long revision, String useId) implements Results.Typed {
        @Override
        public String graphQlType() {
            return "ComponentEdited";
        }
    }

    private final DocumentComponents components;
    private final ComponentUseQueries uses;
    private final SharedComponentQueries catalogue;
    private final AssessmentQueries assessments;
    private final AssessmentMutations results;
    private final LinkedAssessments linked;

    public ComponentUseWiring(DocumentComponents components, ComponentUseQueries uses, SharedComponentQueries catalogue,
                              AssessmentQueries assessments, AssessmentMutations results, LinkedAssessments linked) {
        this.linked = linked;
        this.components = components;
        this.uses = uses;
        this.catalogue = catalogue;
        this.assessments = assessments;
        this.results = results;
    }

    @Override
    public String sdlFile() {
        return "component-uses.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("componentProposals", environment -> proposalPage(environment, null))
                .dataFetcher("componentProposal", environment -> {
                    Caller caller = Requests.caller(environment);
                    return ProposalIds.decode(environment.getArgument("id"))
                            .flatMap(id -> uses.proposal(caller.tenant(), id)).orElse(null);
                }));
        wiring.type("Assessment", type -> type
                .dataFetcher("componentUses", environment -> uses.uses(Requests.caller(environment).tenant(),
                        ((AssessmentView) environment.getSource()).id()))
                .dataFetcher("componentProposals", environment -> uses.proposals(
                        Requests.caller(environment).tenant(), ((AssessmentView) environment.getSource()).id(),
                        statuses(environment)))
                .dataFetcher("componentProposalsConnection", environment -> proposalPage(environment,
                        ((AssessmentView) environment.getSource()).id())));
        wiring.type("ComponentUse", type -> type
                .dataFetcher("component", environment -> component(((ComponentUseQueries.UseRow) environment
                        .getSource()).componentId()))
                .dataFetcher("mode", environment -> use(environment).mode().name())
                .dataFetcher("slotValues", environment -> use(environment).slotValues().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> Map.of("name", entry.getKey(), "value", entry.getValue())).toList())
                .dataFetcher("numbering", environment -> use(environment).rendering().numbering().name())
                .dataFetcher("brackets", environment -> use(environment).rendering().brackets().name()));
        wiring.type("ComponentProposal", type -> type
                .dataFetcher("id", environment -> proposal(environment).id())
                .dataFetcher("assessmentId", environment -> AssessmentIds.global(proposal(environment).assessmentId()))
                .dataFetcher("assessment", environment -> linked.of(environment, proposal(environment).assessmentId()))
                .dataFetcher("use", environment -> useOf(environment).orElse(null))
                .dataFetcher("component", environment -> component(proposal(environment).componentId()))
                .dataFetcher("note", environment -> proposedVersion(environment).map(v -> v.content().note()).orElse(""))
                .dataFetcher("timing", environment -> proposedVersion(environment)
                        .map(v -> v.content().timing().name()).orElse(SubmissionTiming.AFTER.name()))
                .dataFetcher("explanation", environment -> proposedVersion(environment)
                        .map(v -> v.content().explanation()).orElse(""))
                .dataFetcher("merge", this::merge));
        wiring.type("ComponentEdited", type -> type
                .dataFetcher("use", environment -> {
                    EditedNode edited = environment.getSource();
                    return uses.use(Requests.caller(environment).tenant(), edited.assessment().id(), edited.useId())
                            .orElse(null);
                }));
        wiring.type("Mutation", type -> type
                .dataFetcher("insertSharedComponent", environment -> edit(environment, (caller, input) ->
                        components.insert(caller, (String) input.get("assessmentId"), revision(input),
                                (String) input.get("itemId"), AssessmentMutations.ids(input, "entryIds"),
                                (String) input.get("componentId"), (Integer) input.get("version"),
                                ComponentUseMode.valueOf(input.get("mode").toString()), slots(input), printing(input),
                                (String) input.get("adaptedText"), Boolean.TRUE.equals(input.get("replaceAnswer")),
                                reason(input))))
                .dataFetcher("adaptComponentText", environment -> edit(environment, (caller, input) ->
                        components.adapt(caller, (String) input.get("assessmentId"), revision(input),
                                (String) input.get("useId"), (String) input.get("text"), reason(input))))
                .dataFetcher("changeComponentMode", environment -> edit(environment, (caller, input) ->
                        components.changeMode(caller, (String) input.get("assessmentId"), revision(input),
                                (String) input.get("useId"), ComponentUseMode.valueOf(input.get("mode").toString()),
                                input.get("slotValues") == null ? null : slots(input), printing(input),
                                reason(input))))
                .dataFetcher("adoptComponentProposal", environment -> edit(environment, (caller, input) ->
                        components.adopt(caller, (String) input.get("proposalId"), revision(input),
                                new DocumentComponents.Adoption(resolutions(input), slots(input),
                                        input.get("timing") == null ? null
                                                : SubmissionTiming.valueOf(input.get("timing").toString()),
                                        (String) input.get("explanation")), reason(input))))
                .dataFetcher("declineComponentProposal", environment -> edit(environment, (caller, input) ->
                        components.decline(caller, (String) input.get("proposalId"), revision(input), reason(input))))
                .dataFetcher("deferComponentProposal", environment -> edit(environment, (caller, input) ->
                        components.defer(caller, (String) input.get("proposalId"), revision(input),
                                (LocalDate) input.get("until"), reason(input)))));
    }

    /** Input no command can carry (a TEXT resolution without text) is refused like the domain's InvalidInput. */
    private static final class MalformedInput extends RuntimeException {
        private final InvalidInput problem;

        MalformedInput(String field, String problem) {
            super(problem, null, false, false);
            this.problem = new InvalidInput(field, problem);
        }
    }

    private Object edit(DataFetchingEnvironment environment,
                        BiFunction<Caller, Map<String, Object>, EditOutcome> edit) {
        Caller caller = Requests.caller(environment);
        EditOutcome outcome;
        try {
            outcome = edit.apply(caller, environment.getArgument("input"));
        } catch (MalformedInput e) {
            return new ProblemNode(e.problem, List.of());
        }
        if (outcome instanceof EditOutcome.Edited edited) {
            return AssessmentMutations.stored(assessments, caller, edited,
                    view -> new EditedNode(view, edited.revision(), edited.addedEntryId()));
        }
        return results.problem(caller, (EditOutcome.Refused) outcome);
    }

    private Object merge(DataFetchingEnvironment environment) {
        ComponentUseQueries.ProposalRow proposal = proposal(environment);
        Optional<ComponentUseQueries.UseRow> use = useOf(environment);
        Optional<SharedComponent> component = catalogue.find(proposal.componentId());
        if (use.isEmpty() || component.isEmpty()) {
            return null;
        }
        Optional<ComponentVersion> followed = component.get().version(use.get().version());
        Optional<ComponentVersion> proposed = component.get().version(proposal.toVersion());
        if (followed.isEmpty() || proposed.isEmpty() || !use.get().mode().followed()) {
            return null;
        }
        ProposalMerge merge = ProposalMerge.of(use.get(), followed.get(), proposed.get());
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("baseText", merge.baseText());
        node.put("newText", merge.newText());
        node.put("localText", merge.localText());
        node.put("clean", merge.clean());
        node.put("conflicts", merge.conflicts());
        node.put("mergedText", merge.mergedText());
        node.put("chunks", merge.chunks());
        return node;
    }

    private Optional<ComponentUseQueries.UseRow> useOf(DataFetchingEnvironment environment) {
        ComponentUseQueries.ProposalRow proposal = proposal(environment);
        return uses.use(Requests.caller(environment).tenant(), proposal.assessmentId(), proposal.useId());
    }

    private Optional<ComponentVersion> proposedVersion(DataFetchingEnvironment environment) {
        ComponentUseQueries.ProposalRow proposal = proposal(environment);
        return catalogue.find(proposal.componentId()).flatMap(component -> component.version(proposal.toVersion()));
    }

    private Map<String, Object> component(String componentId) {
        return catalogue.find(componentId).map(ComponentsWiring::node).orElse(null);
    }

    private static ComponentUseQueries.UseRow use(DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    private static ComponentUseQueries.ProposalRow proposal(DataFetchingEnvironment environment) {
        return environment.getSource();
    }

    /** A page of the municipality's proposals, or of one assessment's ({@code assessment} non-null). */
    private Connection proposalPage(DataFetchingEnvironment environment, AssessmentId assessment) {
        Caller caller = Requests.caller(environment);
        try {
            List<String> statuses = statuses(environment);
            return Connection.of(uses.proposals(caller.tenant(), assessment, Requests.page(environment, 20), statuses),
                    row -> row, () -> uses.proposalCount(caller.tenant(), assessment, statuses));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.BAD_USER_INPUT, e.getMessage());
        }
    }

    private static List<String> statuses(DataFetchingEnvironment environment) {
        List<Object> given = environment.getArgumentOrDefault("status", OPEN.stream().map(Object.class::cast).toList());
        return given.stream().map(Object::toString).toList();
    }

    private static Map<String, String> slots(Map<String, Object> input) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map<String, Object> slot : list(input.get("slotValues"))) {
            values.put((String) slot.get("name"), (String) slot.get("value"));
        }
        return values;
    }

    private static DocumentComponents.Printing printing(Map<String, Object> input) {
        return new DocumentComponents.Printing(
                input.get("numbering") == null ? null : Numbering.valueOf(input.get("numbering").toString()),
                input.get("brackets") == null ? null : Brackets.valueOf(input.get("brackets").toString()));
    }

    private static List<HunkResolution> resolutions(Map<String, Object> input) {
        return list(input.get("resolutions")).stream().map(resolution -> switch (resolution.get("take").toString()) {
            case "OURS" -> HunkResolution.takeOurs();
            case "THEIRS" -> HunkResolution.takeTheirs();
            default -> {
                Object text = resolution.get("text");
                if (text == null) {
                    throw new MalformedInput("resolutions", "a TEXT resolution needs its text");
                }
                yield HunkResolution.useText(text.toString());
            }
        }).toList();
    }

    private static long revision(Map<String, Object> input) {
        return AssessmentMutations.revision(input);
    }

    private static String reason(Map<String, Object> input) {
        return (String) input.get("reason");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
