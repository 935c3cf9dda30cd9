package jp.hyoka.server.graphql;

import graphql.schema.DataFetchingEnvironment;

import java.util.Optional;

/**
 * One GraphQL type implementing {@code Node}, contributed as a bean by the feature that owns it: {@link NodeWiring}
 * asks the type named in a global id to load the object, so the kernel never lists the types.
 */
public abstract class NodeType {

    private final String typeName;
    private final Class<?> javaType;

    /** {@code javaType}: the class of what {@link #load} and the feature's own fetchers return for this type. */
    protected NodeType(String typeName, Class<?> javaType) {
        this.typeName = typeName;
        this.javaType = javaType;
    }

    /** The GraphQL object type, also the type part of its global ids. */
    public final String typeName() {
        return typeName;
    }

    /** Whether {@code object} is of this type (resolves the Node interface). */
    public final boolean owns(Object object) {
        return javaType.isInstance(object);
    }

    /** The global id of the object with this local key. */
    public final String id(String localKey) {
        return GlobalIds.encode(typeName, localKey);
    }

    /**
     * The object with this local key as the caller may see it, or empty: unknown, malformed and another
     * municipality's keys all answer empty, so a node id never tells whether something exists elsewhere.
     */
    public abstract Optional<?> load(DataFetchingEnvironment environment, String localKey);

    /** The two parts of a composite key {@code first<separator>number}, or empty when it is not one. */
    protected static Optional<String[]> keyWithNumber(String localKey, String separator) {
        String[] parts = localKey.split(java.util.regex.Pattern.quote(separator), 2);
        return parts.length == 2 && parts[1].matches("[0-9]{1,9}") ? Optional.of(parts) : Optional.empty();
    }
}
