package jp.hyoka.server.graphql;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import jp.hyoka.server.security.Caller;
import jp.hyoka.server.security.Tenants;

import java.util.Map;
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
            Caller caller = Requests.caller(environment);
            return Map.of(
                    "userId", caller.actor().userId(),
                    "displayName", caller.actor().displayName(),
                    "municipalityCode", caller.tenant().value(),
                    "municipalityName", tenants.name(caller.tenant()).orElse(""),
                    "roles", new TreeSet<>(caller.roles()));
        }));
    }
}
