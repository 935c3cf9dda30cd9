package jp.hyoka.server.graphql;

import graphql.schema.idl.RuntimeWiring;

/**
 * One feature's share of the API: the SDL file it implements (from schema/graphql) and its data fetchers.
 * Adding a feature adds a bean; {@link GraphQlFactory} never changes.
 */
public interface GraphQlFeature {

    /** File name under schema/graphql, e.g. {@code assessment.graphqls}. */
    String sdlFile();

    void wire(RuntimeWiring.Builder wiring);
}
