package jp.hyoka.server.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Relay's object identification: {@code node(id:)} and {@code nodes(ids:)} refetch any object by its global id.
 * Each feature contributes its types as {@link NodeType} beans; a foreign, unknown or malformed id is null.
 */
@Singleton
public class NodeWiring implements GraphQlFeature {

    /** At most this many ids per {@code nodes} call, like a page. */
    static final int MAX_IDS = Requests.MAX_PAGE_SIZE;

    private final Map<String, NodeType> types;

    public NodeWiring(List<NodeType> types) {
        this.types = types.stream().collect(Collectors.toMap(NodeType::typeName, Function.identity()));
    }

    @Override
    public String sdlFile() {
        return "node.graphqls";
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("node", environment -> load(environment, environment.getArgument("id")))
                .dataFetcher("nodes", environment -> {
                    List<String> ids = environment.getArgument("ids");
                    if (ids.size() > MAX_IDS) {
                        throw new ApiException(ApiException.BAD_USER_INPUT, "ids: at most " + MAX_IDS + ".");
                    }
                    List<Object> found = new ArrayList<>();
                    ids.forEach(id -> found.add(load(environment, id)));
                    return found;
                }));
        wiring.type("Node", type -> type.typeResolver(environment -> environment.getSchema().getObjectType(
                types.values().stream().filter(node -> node.owns(environment.getObject())).findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "no NodeType owns " + environment.getObject().getClass()))
                        .typeName())));
    }

    /**
     * The object a global id names as the caller may see it, or null (what {@code node(id)} answers): for object links
     * a slice cannot resolve itself without importing the slice owning the type.
     */
    public Object load(DataFetchingEnvironment environment, String id) {
        Optional<GlobalIds.GlobalId> global = GlobalIds.decode(id);
        NodeType type = global.map(g -> types.get(g.type())).orElse(null);
        if (type == null) {
            return null;
        }
        try {
            return type.load(environment, global.get().localKey()).orElse(null);
        } catch (ApiException e) {
            if (ApiException.FORBIDDEN.equals(e.code())) {
                return null;
            }
            throw e;
        }
    }
}
