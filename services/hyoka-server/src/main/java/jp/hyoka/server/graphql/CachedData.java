package jp.hyoka.server.graphql;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An operation's {@code data}, already written as JSON, with its actual cost ({@link QueryCost#actual}, counted
 * when it was written): what {@link ResponseCache} keeps and serves. Jackson writes it as it is (the endpoint's
 * response), so a kept answer is neither walked nor serialised again; its text is what the endpoint's own mapper
 * would have written for the same data.
 */
final class CachedData implements JsonSerializable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String json;
    private final int actualCost;

    private CachedData(String json, int actualCost) {
        this.json = json;
        this.actualCost = actualCost;
    }

    /** A query's data (graphql-java's result: maps, lists and scalars), written once. */
    static CachedData of(Object data) {
        try {
            return new CachedData(JSON.writeValueAsString(data), QueryCost.actual(data, false));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    int actualCost() {
        return actualCost;
    }

    /** Characters held: what the cache's size limit counts. */
    int length() {
        return json.length();
    }

    String json() {
        return json;
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
        generator.writeRawValue(json);
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer type)
            throws IOException {
        serialize(generator, serializers);
    }
}
