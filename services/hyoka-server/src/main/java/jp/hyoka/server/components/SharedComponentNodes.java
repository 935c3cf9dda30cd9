package jp.hyoka.server.components;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import jp.hyoka.server.graphql.NodeType;
import jp.hyoka.server.graphql.Requests;

import java.util.HashMap;
import java.util.Optional;

/** {@code SharedComponent} as a node, keyed by its catalogue id: public boilerplate, every signed-in role. */
@Singleton
public class SharedComponentNodes extends NodeType {

    static final String TYPE = "SharedComponent";

    private final SharedComponentQueries queries;

    public SharedComponentNodes(SharedComponentQueries queries) {
        super(TYPE, ComponentNode.class);
        this.queries = queries;
    }

    /** The fields the SharedComponent type reads (a map of its own class, so the Node interface can tell it apart). */
    static final class ComponentNode extends HashMap<String, Object> {
    }

    @Override
    public Optional<?> load(DataFetchingEnvironment environment, String localKey) {
        Requests.roles(environment);
        return queries.find(localKey).map(ComponentsWiring::node);
    }
}
