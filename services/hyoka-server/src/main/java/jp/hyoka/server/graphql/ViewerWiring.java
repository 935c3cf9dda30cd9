package jp.hyoka.server.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLEnumType;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.server.security.CallerResolver;
import jp.hyoka.server.security.PlatformOperator;
import jp.hyoka.server.security.Tenants;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code me}: the caller as Hyoka understands the token, so a UI can show who and where it is acting. */
@Singleton
public class ViewerWiring implements GraphQlFeature {

    private final Tenants tenants;

    public ViewerWiring(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public String sdlFile() {
        return "viewer.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("me", environment -> {
            CallerResolver.Resolution resolution = Requests.signedIn(environment);
            Map<String, Object> viewer = new HashMap<>();
            resolution.asPlatformOperator().ifPresent(operator -> {
                viewer.put("userId", operator.actor().userId());
                viewer.put("displayName", operator.actor().displayName());
                viewer.put("roles", knownRoles(Set.of(PlatformOperator.ROLE), environment));
            });
            resolution.asCaller().ifPresent(caller -> {
                viewer.put("userId", caller.actor().userId());
                viewer.put("displayName", caller.actor().displayName());
                viewer.put("municipalityCode", caller.tenant().value());
                viewer.put("municipalityName", tenants.name(caller.tenant()).orElse(""));
                viewer.put("roles", knownRoles(caller.roles(), environment));
            });
            return viewer;
        }));
    }

    /**
     * The token's roles as Role enum values (editor → EDITOR), leaving out those the enum does not name (a Keycloak
     * token also carries offline_access, default-roles-…).
     */
    private static Set<String> knownRoles(Set<String> tokenRoles, DataFetchingEnvironment environment) {
        GraphQLEnumType known = (GraphQLEnumType) environment.getGraphQLSchema().getType("Role");
        Set<String> roles = new TreeSet<>();
        tokenRoles.stream().map(FieldAccess::enumName).filter(role -> known.getValue(role) != null).forEach(roles::add);
        return roles;
    }
}
