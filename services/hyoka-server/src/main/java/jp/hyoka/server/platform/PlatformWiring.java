package jp.hyoka.server.platform;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.domain.platform.FirstAdministrator;
import jp.hyoka.server.graphql.ApiException;
import jp.hyoka.server.graphql.GraphQlFeature;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.graphql.Results.ProblemNode;
import jp.hyoka.server.platform.DirectoryUnavailable;
import jp.hyoka.server.platform.MunicipalityDirectory;
import jp.hyoka.server.platform.MunicipalityOnboarding;
import jp.hyoka.server.security.PlatformOperator;
import jp.hyoka.server.security.Tenants;

import java.util.List;
import java.util.Map;

/**
 * Operations on the installation itself, for platform operators only ({@link Requests#platformOperator}): they act
 * for no municipality, so every fetcher here starts from the operator and none from a municipality's caller.
 */
@Singleton
public class PlatformWiring implements GraphQlFeature {

    private final Tenants tenants;
    private final MunicipalityOnboarding onboarding;

    public PlatformWiring(Tenants tenants, MunicipalityOnboarding onboarding) {
        this.tenants = tenants;
        this.onboarding = onboarding;
    }

    @Override
    public String sdlFile() {
        return "platform.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("municipalities", environment -> {
            Requests.platformOperator(environment);
            return tenants.all().entrySet().stream()
                    .map(tenant -> new MunicipalityNodes.MunicipalityNode(tenant.getKey().value(), tenant.getValue()))
                    .toList();
        }));
        wiring.type("Mutation", type -> type.dataFetcher("onboardMunicipality", environment -> {
            PlatformOperator operator = Requests.platformOperator(environment);
            Map<String, Object> input = environment.getArgument("input");
            try {
                return result(onboarding.onboard(operator, (String) input.get("municipalityCode"),
                        (String) input.get("name"), new FirstAdministrator((String) input.get("administratorEmail"),
                                (String) input.get("administratorName"))));
            } catch (DirectoryUnavailable e) {
                throw new ApiException(ApiException.UNAVAILABLE, "The identity provider could not onboard the "
                        + "municipality (" + e.getMessage() + "); nothing was stored. Try again.");
            }
        }));
        wiring.type("OnboardMunicipalityResult", type -> type.typeResolver(environment -> environment.getSchema()
                .getObjectType(environment.getObject() instanceof ProblemNode problem
                        ? problem.rejection().getClass().getSimpleName() : "MunicipalityOnboarded")));
    }

    private static Object result(MunicipalityOnboarding.Outcome outcome) {
        if (outcome instanceof MunicipalityOnboarding.Refused refused) {
            return new ProblemNode(refused.rejection(), List.of());
        }
        MunicipalityOnboarding.Onboarded onboarded = (MunicipalityOnboarding.Onboarded) outcome;
        MunicipalityDirectory.Invitation invitation = onboarded.invitation();
        return Map.of(
                "municipality", new MunicipalityNodes.MunicipalityNode(onboarded.event().municipality().value(),
                        onboarded.event().name()),
                "administrator", Map.of("userId", invitation.userId(), "username", invitation.username(),
                        "credentialKind", invitation.credentialKind(), "credential", invitation.credential()));
    }
}
