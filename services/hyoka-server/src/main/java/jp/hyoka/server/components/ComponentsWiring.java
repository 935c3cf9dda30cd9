package jp.hyoka.server.components;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.components.Brackets;
import jp.hyoka.domain.components.ComponentFit;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.Numbering;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.components.Slot;
import jp.hyoka.domain.components.VersionContent;
import jp.hyoka.domain.components.command.ChangeComponentFits;
import jp.hyoka.domain.components.command.DraftComponentVersion;
import jp.hyoka.domain.components.command.PublishComponentVersion;
import jp.hyoka.domain.components.command.RegisterSharedComponent;
import jp.hyoka.domain.components.command.SharedComponentCommand;
import jp.hyoka.domain.components.command.SubmitComponentVersion;
import jp.hyoka.domain.components.command.WithdrawComponentVersion;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.FormRef;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.GlobalIds;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.Results;
import jp.hyoka.server.graphql.Results.ProblemNode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shared-component catalogue in GraphQL ({@code components.graphqls}): platform operators register components,
 * change the items they fit, and draft, submit, publish or withdraw versions ({@link Requests#platformOperator}); every signed-in caller reads
 * the catalogue, since component texts are published boilerplate and hold nothing of any municipality.
 */
@Singleton
public class ComponentsWiring implements GraphQlFeature {

    private final ComponentCuration curation;
    private final SharedComponentQueries queries;
    private final Clock clock = Clock.systemUTC();

    public ComponentsWiring(ComponentCuration curation, SharedComponentQueries queries) {
        this.curation = curation;
        this.queries = queries;
    }

    @Override
    public String sdlFile() {
        return "components.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("sharedComponents", environment -> {
                    Requests.roles(environment);
                    try {
                        Map<String, Object> filter = environment.getArgumentOrDefault("filter", Map.of());
                        String family = (String) filter.get("family");
                        return Connection.of(queries.list(Requests.page(environment, 20), family),
                                ComponentsWiring::node, () -> queries.count(family));
                    } catch (IllegalArgumentException e) {
                        throw new ApiException(ApiException.BAD_USER_INPUT, e.getMessage());
                    }
                })
                .dataFetcher("sharedComponent", environment -> {
                    Requests.roles(environment);
                    return queries.find(GlobalIds.localKey(environment.getArgument("id"), SharedComponentNodes.TYPE))
                            .map(ComponentsWiring::node).orElse(null);
                }));
        wiring.type("Mutation", type -> {
            type.dataFetcher("registerSharedComponent", environment -> curate(environment, this::register));
            type.dataFetcher("changeComponentFits", environment -> curate(environment, (input, by) ->
                    new ChangeComponentFits(componentId(input), fits(input), by, now())));
            type.dataFetcher("draftComponentVersion", environment -> curate(environment, this::draft));
            type.dataFetcher("submitComponentVersion", environment -> curate(environment, (input, by) ->
                    new SubmitComponentVersion(componentId(input), version(input), by, now())));
            type.dataFetcher("publishComponentVersion", environment -> curate(environment, (input, by) ->
                    new PublishComponentVersion(componentId(input), version(input), by, now())));
            type.dataFetcher("withdrawComponentVersion", environment -> curate(environment, (input, by) ->
                    new WithdrawComponentVersion(componentId(input), version(input), (String) input.get("reason"),
                            by, now())));
            return type;
        });
    }

    /** Input as a command, or a refusal of input no command can carry (a malformed id). */
    private interface CommandFromInput {
        SharedComponentCommand command(Map<String, Object> input, Actor by);
    }

    /** Input that cannot become a command: reported like the domain's InvalidInput. */
    private static final class MalformedInput extends RuntimeException {
        private final InvalidInput problem;

        MalformedInput(String field, String problem) {
            super(problem, null, false, false);
            this.problem = new InvalidInput(field, problem);
        }
    }

    /** A mutation's result node: the changed component, or a problem (resolved through {@link Results}). */
    record ChangedNode(Map<String, Object> component) implements Results.Typed {
        @Override
        public String graphQlType() {
            return "SharedComponentChanged";
        }
    }

    private Object curate(DataFetchingEnvironment environment, CommandFromInput from) {
        Actor by = Requests.platformOperator(environment).actor();
        Map<String, Object> input = environment.getArgument("input");
        SharedComponentCommand command;
        try {
            command = from.command(input, by);
        } catch (MalformedInput e) {
            return new ProblemNode(e.problem, List.of());
        }
        ComponentCuration.Outcome outcome = curation.send(command);
        if (outcome instanceof ComponentCuration.Refused refused) {
            return new ProblemNode(refused.rejection(), List.of());
        }
        return new ChangedNode(node(((ComponentCuration.Changed) outcome).component()));
    }

    private RegisterSharedComponent register(Map<String, Object> input, Actor by) {
        return new RegisterSharedComponent(componentId(input), (String) input.get("family"),
                (String) input.get("name"), (String) input.get("issuer"), fits(input), by, now());
    }

    private static List<ComponentFit> fits(Map<String, Object> input) {
        List<Map<String, Object>> fits = list(input.get("fits"));
        return fits.stream().map(ComponentsWiring::fit).toList();
    }

    private DraftComponentVersion draft(Map<String, Object> input, Actor by) {
        List<Map<String, Object>> slots = list(input.get("slots"));
        VersionContent content = new VersionContent((String) input.get("text"), (LocalDate) input.get("effectiveFrom"),
                (String) input.get("note"), SubmissionTiming.valueOf(input.get("timing").toString()),
                (String) input.get("explanation"),
                slots.stream().map(slot -> new Slot((String) slot.get("name"), (String) slot.get("label"))).toList(),
                new RenderingOptions(Numbering.valueOf(input.get("numbering").toString()),
                        Brackets.valueOf(input.get("brackets").toString())));
        return new DraftComponentVersion(componentId(input), version(input), content, by, now());
    }

    private static ComponentFit fit(Map<String, Object> fit) {
        String itemId = (String) fit.get("itemId");
        if (!ItemId.isWellFormed(itemId)) {
            throw new MalformedInput("fits", "'" + itemId + "' is not an item id (dot-separated kebab-case)");
        }
        return new ComponentFit(new FormRef(FormKind.valueOf(fit.get("kind").toString()),
                (String) fit.get("version")), new ItemId(itemId));
    }

    private static ComponentId componentId(Map<String, Object> input) {
        String id = (String) input.get("componentId");
        if (!ComponentId.isWellFormed(id)) {
            throw new MalformedInput("componentId", "dot-separated lower-case kebab-case, e.g. "
                    + "intermediate-server-platform.storage-location");
        }
        return new ComponentId(id);
    }

    private static int version(Map<String, Object> input) {
        return (Integer) input.get("version");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private Instant now() {
        return clock.instant();
    }

    /** A component as the SharedComponent type reads it. */
    static Map<String, Object> node(SharedComponent component) {
        Map<String, Object> node = new SharedComponentNodes.ComponentNode();
        node.put("id", GlobalIds.encode(SharedComponentNodes.TYPE, component.id().value()));
        node.put("componentId", component.id().value());
        node.put("family", component.family());
        node.put("name", component.name());
        node.put("issuer", component.issuer());
        node.put("fits", component.fits().stream().map(fit -> Map.of(
                "form", Map.of("kind", fit.form().kind().name(), "version", fit.form().version()),
                "itemId", fit.item().value())).toList());
        Function<ComponentVersion, Map<String, Object>> version = each -> version(component.id(), each);
        node.put("versions", component.versions().stream().map(version).toList());
        node.put("currentVersion", component.currentVersion().map(version).orElse(null));
        return node;
    }

    /** {@code componentId} is not a field of ComponentVersion: fields other features add read it. */
    private static Map<String, Object> version(ComponentId componentId, ComponentVersion version) {
        VersionContent content = version.content();
        Map<String, Object> node = new HashMap<>();
        node.put("componentId", componentId.value());
        node.put("number", version.number());
        node.put("status", version.status().name());
        node.put("text", content.text());
        node.put("effectiveFrom", content.effectiveFrom());
        node.put("note", content.note());
        node.put("timing", content.timing().name());
        node.put("explanation", content.explanation());
        node.put("slots", content.slots().stream()
                .map(slot -> Map.of("name", slot.name(), "label", slot.label())).toList());
        node.put("numbering", content.rendering().numbering().name());
        node.put("brackets", content.rendering().brackets().name());
        return node;
    }
}
