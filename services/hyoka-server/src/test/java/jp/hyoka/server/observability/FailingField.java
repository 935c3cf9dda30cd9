package jp.hyoka.server.observability;

import graphql.schema.idl.RuntimeWiring;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jp.hyoka.server.graphql.GraphQlFeature;

/** A field that fails as a bug would: an exception no resolver expects. Only where a test asks for it. */
@Singleton
@Requires(property = FailingField.ENABLED, value = "true")
public class FailingField implements GraphQlFeature {

    static final String ENABLED = "hyoka.test.failing-field";

    @Override
    public String sdlFile() {
        return "test/failing-field.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("failingField", environment -> {
            throw new IllegalStateException("an invariant nobody expected to break");
        }));
    }
}
