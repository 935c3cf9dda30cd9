package jp.hyoka.server.assessment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jp.hyoka.domain.assessment.AnswerKey;
import jp.hyoka.domain.assessment.Assessment;
import jp.hyoka.domain.assessment.EntryListKey;
import jp.hyoka.domain.form.ItemId;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON of an assessment snapshot: the aggregate as its folded {@link Assessment} (records, written by Jackson
 * with the events' own mapping), plus what that mapping lacks for state: map keys that are records ({@link AnswerKey},
 * {@link EntryListKey}) written as a JSON array of strings, e.g. {@code ["risk.measures","e1"]}. The domain stays
 * free of Jackson; this file is the snapshot's contract, versioned by {@link AssessmentAggregate#SNAPSHOT_SHAPE}.
 */
final class AssessmentSnapshotJson {

    private static final ObjectMapper KEYS = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private AssessmentSnapshotJson() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("hyoka-assessment-snapshot");
        key(module, AnswerKey.class, key -> path(key.itemId().value(), key.entries()),
                path -> new AnswerKey(new ItemId(path.get(0)), path.subList(1, path.size())));
        key(module, EntryListKey.class, key -> path(key.groupId(), key.parentEntries()),
                path -> new EntryListKey(path.get(0), path.subList(1, path.size())));
        module.addSerializer(AssessmentAggregate.class, new JsonSerializer<>() {
            @Override
            public void serialize(AssessmentAggregate aggregate, JsonGenerator json, SerializerProvider provider)
                    throws IOException {
                provider.defaultSerializeValue(aggregate.snapshot(), json);
            }
        });
        module.addDeserializer(AssessmentAggregate.class, new JsonDeserializer<>() {
            @Override
            public AssessmentAggregate deserialize(JsonParser json, DeserializationContext context) throws IOException {
                return new AssessmentAggregate(context.readValue(json, Assessment.class));
            }
        });
        return module;
    }

    private static List<String> path(String head, List<String> tail) {
        List<String> path = new ArrayList<>(tail.size() + 1);
        path.add(head);
        path.addAll(tail);
        return path;
    }

    private static <K> void key(SimpleModule module, Class<K> type, Function<K, List<String>> write,
                                Function<List<String>, K> read) {
        module.addKeySerializer(type, new JsonSerializer<K>() {
            @Override
            public void serialize(K key, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeFieldName(KEYS.writeValueAsString(write.apply(key)));
            }
        });
        module.addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                return read.apply(List.copyOf(KEYS.readValue(key, STRINGS)));
            }
        });
    }
}
