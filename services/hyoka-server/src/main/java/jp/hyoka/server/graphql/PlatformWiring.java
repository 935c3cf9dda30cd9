package jp.hyoka.server.graphql;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.server.security.Tenants;

import java.util.Map;

/**
 * Operations on the installation itself, for platform operators only ({@link Requests#platformOperator}): they act
 * for no municipality, so every fetcher here starts from the operator and none from a municipality's caller.
 */
@Singleton
public class PlatformWiring implements GraphQlFeature {

    private final Tenants tenants;

    public PlatformWiring(Tenants tenants) {
        this.tenants = tenants;
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
                    .map(tenant -> Map.of("code", tenant.getKey().value(), "name", tenant.getValue()))
                    .toList();
        }));
    }
}
