package jp.hyoka.server.axon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.text.DiffOperation;
import jp.hyoka.domain.components.text.TextDifference;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * The JSON shape of stored events. The domain stays free of Jackson, so its value types are mapped here:
 * identifiers as plain strings, answers tagged with {@code "kind"}. Changing this mapping changes the stored
 * contract; the golden-JSON test pins it.
 */
public final class EventJson {

    /** Distinct item ids, municipality codes and component ids remembered per mapper (all forms' items fit). */
    static final int KNOWN_TEXTS = 20_000;

    private EventJson() {
    }

    /**
     * The serializer every message is stored with (events, their metadata, the processor's tokens): {@link
     * #objectMapper()}'s mapping, refusing to write a property twice into one object. The hash chain reads an
     * appended event's municipality from its payload's first top-level {@code tenant}, the backfill and verification
     * from its last (audit/StoredEvents): one {@code tenant} per object keeps them on one chain whatever a type's
     * mapping does ({@code @JsonUnwrapped}, {@code @JsonAnyGetter}, a serializer or mix-in adding a field). A payload
     * that would repeat one fails its append (and its command): nothing is stored. Cost: ~10 % of serializing, ~15 µs
     * of an import's ~100 KB content event (infra/docs/import-benchmark.md, ninth pass, small).
     */
    public static JacksonSerializer storedMessages() {
        return JacksonSerializer.builder().objectMapper(writingEachPropertyOnce()).build();
    }

    /** {@link #objectMapper()}, failing to write an object with a property name twice (see {@link #storedMessages}). */
    public static ObjectMapper writingEachPropertyOnce() {
        return objectMapper().enable(JsonGenerator.Feature.STRICT_DUPLICATE_DETECTION);
    }

    public static ObjectMapper objectMapper() {
        SimpleModule domain = new SimpleModule("hyoka-domain");
        // Each read parses the same few texts again: remembered (KnownValues says why that reads the same values).
        stringValue(domain, AssessmentId.class, KnownValues.lastOnly(text -> new AssessmentId(UUID.fromString(text))));
        stringValue(domain, MunicipalityCode.class, KnownValues.upTo(KNOWN_TEXTS, MunicipalityCode::new));
        stringValue(domain, ItemId.class, KnownValues.upTo(KNOWN_TEXTS, ItemId::new));
        stringValue(domain, ComponentId.class, KnownValues.upTo(KNOWN_TEXTS, ComponentId::new));
        stringValue(domain, ThreadId.class, KnownValues.lastOnly(text -> new ThreadId(UUID.fromString(text))));
        domain.addDeserializer(Instant.class, new InstantJson());      // after JavaTimeModule's: this one is asked
        domain.addSerializer(Instant.class, new InstantJsonWriter());  // the same: jsr310's text, written faster
        domain.setMixInAnnotation(Answer.class, AnswerMixin.class);
        domain.setMixInAnnotation(DiffOperation.class, DiffOperationMixin.class);
        domain.setMixInAnnotation(TextDifference.class, TextDifferenceMixin.class);
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(domain)
                // Absent optional fields (a choice without free text, an event without a reason) are left out.
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static <T> void stringValue(SimpleModule module, Class<T> type, Function<String, T> parse) {
        module.addSerializer(type, ToStringSerializer.instance);
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return parse.apply(parser.getValueAsString());
            }
        });
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = TextAnswer.class, name = "TEXT"),
            @JsonSubTypes.Type(value = RichTextAnswer.class, name = "RICH_TEXT"),
            @JsonSubTypes.Type(value = NumberAnswer.class, name = "NUMBER"),
            @JsonSubTypes.Type(value = DateAnswer.class, name = "DATE"),
            @JsonSubTypes.Type(value = ChoiceAnswer.class, name = "SINGLE_CHOICE"),
            @JsonSubTypes.Type(value = MultiChoiceAnswer.class, name = "MULTIPLE_CHOICE")
    })
    interface AnswerMixin {
    }

    /** A local change of adapted component text: its operations, each tagged with {@code "op"}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = DiffOperation.Keep.class, name = "KEEP"),
            @JsonSubTypes.Type(value = DiffOperation.Delete.class, name = "DELETE"),
            @JsonSubTypes.Type(value = DiffOperation.Insert.class, name = "INSERT")
    })
    interface DiffOperationMixin {
    }

    /** Only the operations are stored ({@code isEmpty()} is derived). */
    @JsonIgnoreProperties({"empty"})
    interface TextDifferenceMixin {
    }
}
