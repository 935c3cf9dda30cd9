package jp.hyoka.server.graphql;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An operation's {@code data}, already written as JSON, with its actual cost ({@link QueryCost#actual}, counted
 * when it was written): what {@link ResponseCache} keeps and serves. Kept as the UTF-8 bytes of the response: a
 * generator writing bytes (the endpoint's body) copies them as they are, so a kept answer is neither walked,
 * serialised nor encoded again; its text is what the endpoint's own mapper would have written for the same data.
 */
final class CachedData implements JsonSerializable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RawUtf8 json;
    private final int actualCost;

    private CachedData(RawUtf8 json, int actualCost) {
        this.json = json;
        this.actualCost = actualCost;
    }

    /** A query's data (graphql-java's result: maps, lists and scalars), written once. */
    static CachedData of(Object data) {
        try {
            String text = JSON.writeValueAsString(data);
            return new CachedData(new RawUtf8(text.getBytes(StandardCharsets.UTF_8), text.length()),
                    QueryCost.actual(data, false));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    int actualCost() {
        return actualCost;
    }

    /** Characters of its JSON text: what the cache's size limit counts. */
    int length() {
        return json.charLength();
    }

    /** Its JSON text (decoded: for tests and the rare writer of characters). */
    String json() {
        return json.getValue();
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
