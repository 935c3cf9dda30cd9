package jp.hyoka.server.components;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.assessment.Nodes;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Connection;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.Results;
import jp.hyoka.server.security.PlatformOperator;
import jp.hyoka.server.security.Tenants;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross-tenant usage view and the dry run of a publication ({@code component-usage.graphqls}):
 * {@code SharedComponent.usedBy} counts every municipality's uses for a platform operator and the caller's own
 * municipality's for anyone else (editor, approver and auditor alike: each may read all of its municipality's
 * documents anyway); {@code ComponentVersion.fanOut} and {@code componentImpact} are platform operators' only.
 * Everything answered is a count or a municipality's code and name.
 */
@Singleton
public class ComponentUsageWiring implements GraphQlFeature {

    private final ComponentUsage usage;
    private final ComponentImpact impact;
    private final Tenants tenants;

    public ComponentUsageWiring(ComponentUsage usage, ComponentImpact impact, Tenants tenants) {
        this.usage = usage;
        this.impact = impact;
        this.tenants = tenants;
    }

    @Override
    public String sdlFile() {
        return "component-usage.graphqls";
    }

    /** The dry run's counts (resolved through {@link Results}). */
    record ImpactNode(ComponentImpact.Counted counted) implements Results.Typed {
        @Override
        public String graphQlType() {
            return "ComponentImpact";
        }
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("SharedComponent", type -> type.dataFetcher("usedBy", environment ->
                usage.summary(componentId(environment), scope(environment)))
                .dataFetcher("versionsConnection", environment -> Connection.ofList(
                        (List<?>) environment.<Map<String, Object>>getSource().get("versions"),
                        Requests.page(environment, 20), version -> version)));
        wiring.type("ComponentVersion", type -> type.dataFetcher("fanOut", environment -> {
            if (scope(environment) != null) {
                return null;
            }
            Map<String, Object> version = environment.getSource();
            return usage.fanOut((String) version.get("componentId"), (Integer) version.get("number")).orElse(null);
        }));
        wiring.type("ComponentUsage", type -> type.dataFetcher("byVersionConnection", environment ->
                Connection.ofList(environment.<ComponentUsage.Summary>getSource().byVersion(),
                        Requests.page(environment, 20), row -> row)).dataFetcher("byMunicipality", environment -> {
            ComponentUsage.Summary summary = environment.getSource();
            try {
                return Nodes.connection(usage.byMunicipality(summary.componentId(), summary.scope(),
                        environment.getArgument("version"), Requests.pageSize(environment),
                        environment.getArgument("after")), this::municipalityUsage);
            } catch (IllegalArgumentException e) {
                throw new ApiException(ApiException.BAD_USER_INPUT, e.getMessage());
            }
        }));
        wiring.type("Query", type -> type.dataFetcher("componentImpact", environment -> {
            Requests.platformOperator(environment);
            ComponentImpact.Outcome outcome = impact.of(environment.getArgument("componentId"),
                    environment.<Integer>getArgument("version"));
            if (outcome instanceof ComponentImpact.Refused refused) {
                return new Results.ProblemNode(refused.rejection(), List.of());
            }
            return new ImpactNode((ComponentImpact.Counted) outcome);
        }));
        wiring.type("ComponentImpactResult", type -> type.typeResolver(Results.RESOLVER));
        wiring.type("ComponentImpact", type -> type.defaultDataFetcher(environment -> {
            ComponentImpact.Counted counted = environment.<ImpactNode>getSource().counted();
            return switch (environment.getField().getName()) {
                case "componentId" -> counted.componentId();
                case "version" -> counted.version();
                case "status" -> counted.status().name();
                case "proposals" -> counted.proposals();
                case "documents" -> counted.documents();
                case "municipalities" -> counted.municipalities();
                case "locked" -> counted.locked();
                case "cleanMerges" -> counted.cleanMerges();
                case "conflicts" -> counted.conflicts();
                case "byMunicipality" -> counted.byMunicipality().stream().map(this::municipalityImpact).toList();
                default -> null;
            };
        }));
    }

    /** Null for a platform operator (every municipality), else the caller's own municipality. */
    private static MunicipalityCode scope(DataFetchingEnvironment environment) {
        if (Requests.roles(environment).contains(PlatformOperator.ROLE)) {
            return null;
        }
        return Requests.caller(environment).tenant();
    }

    private static String componentId(DataFetchingEnvironment environment) {
        Map<String, Object> component = environment.getSource();
        return (String) component.get("componentId");
    }

    private Map<String, Object> municipalityUsage(ComponentUsage.MunicipalityCounts counts) {
        Map<String, Object> node = new HashMap<>();
        node.put("municipality", municipality(counts.code()));
        node.put("documents", counts.documents());
        node.put("locked", counts.locked());
        node.put("adapted", counts.adapted());
        node.put("detached", counts.detached());
        node.put("pending", counts.pending());
        node.put("deferred", counts.deferred());
        node.put("adopted", counts.adopted());
        node.put("declined", counts.declined());
        return node;
    }

    private Map<String, Object> municipalityImpact(ComponentImpact.MunicipalityImpact share) {
        return Map.of("municipality", municipality(share.code()), "documents", share.documents(),
                "proposals", share.proposals(), "locked", share.locked(), "cleanMerges", share.cleanMerges(),
                "conflicts", share.conflicts());
    }

    private Map<String, Object> municipality(MunicipalityCode code) {
        return Map.of("code", code.value(), "name", tenants.name(code).orElse(code.value()));
    }
}
