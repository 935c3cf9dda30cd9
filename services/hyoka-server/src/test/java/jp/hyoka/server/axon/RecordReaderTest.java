package jp.hyoka.server.axon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.FormKind;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.MultiChoiceAnswer;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.Selection;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link RecordReader} reads every shape of stored JSON as Jackson's bean deserializer reads it: records generated
 * from their components (every answer kind, Unicode and escapes, numbers at their limits, absent optional fields),
 * written by the events' mapper, then read as written and in every variant a stored event could take or a reader
 * could meet (each field absent, each field null, unknown fields of every JSON kind before, between and after,
 * fields in another order, the answer's tag last, numbers as text or fractions or out of range, a field twice, wrong
 * kinds of values): the same record, or the same failure (type and message), as the mapper without it.
 */
class RecordReaderTest {

    /** Jackson's bean deserializers only: what stored events were read with before {@link RecordReader}. */
    private static final ObjectMapper JACKSON = EventJson.objectMapper();
    private static final ObjectMapper READERS = EventJson.eventMapper();
    private static final int RECORDS_PER_TYPE = 400;
    private static final String[] TEXTS = {"", "a", "山田 太郎", "こども未来局", "\"quoted\" \\ back\\slash /",
            "line\nbreak\ttab\r", "\u0000\u0001\u001f", "emoji 😀 𠮷野家", "\u2028\u2029", "<p>住民票 &amp; 写し</p>",
            "x".repeat(300), "ｶﾀｶﾅ　全角スペース", "\uD83D\uDE00"};
    private static final String[] ITEMS = {"affair.name", "department.name", "file.acquisition.sources",
            "personal-number-use.legal-basis", "system.name"};
    private static final String[] CODES = {"141305", "012041", "141003", "131075"};

    @Test
    void givenEveryCoveredType_whenTheEventsMapperResolvesIt_thenTheRecordReaderReadsIt() throws Exception {
        for (Class<?> type : RecordReaders.TYPES) {
            JsonDeserializer<Object> deserializer = rootDeserializer(READERS, type);

            assertThat(deserializer).as(type.getName()).isInstanceOf(RecordReader.class);
            assertThat(((RecordReader) deserializer).readsDirectly()).as(type.getName()).isTrue();
            assertThat(rootDeserializer(JACKSON, type)).as(type.getName()).isNotInstanceOf(RecordReader.class);
        }
    }

    @Test
    void givenGeneratedRecordsOfEveryCoveredType_whenReadAsWritten_thenTheSameRecordAsJackson() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        for (Class<?> type : RecordReaders.TYPES) {
            for (int i = 0; i < RECORDS_PER_TYPE; i++) {
                Object record = generate(type, random, i % 3 == 0);
                byte[] json = JACKSON.writeValueAsBytes(record);

                assertThat(READERS.readValue(json, type)).as(new String(json)).isEqualTo(record)
                        .isEqualTo(JACKSON.readValue(json, type));
            }
        }
    }

    @Test
    void givenEveryVariantOfGeneratedRecords_whenRead_thenTheSameOutcomeAsJackson() throws Exception {
        SplittableRandom random = new SplittableRandom(6);
        int compared = 0;
        for (Class<?> type : RecordReaders.TYPES) {
            for (int i = 0; i < RECORDS_PER_TYPE / 20; i++) {
                JsonNode written = JACKSON.valueToTree(generate(type, random, i % 2 == 0));
                for (byte[] variant : variants(written, random)) {
                    assertSameOutcome(variant, type);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
    }

    @Test
    void givenEventsReadAsAnAnswerOfTheirInterface_whenTheTagIsFirstOrLast_thenTheSameAnswerAsJackson()
            throws Exception {
        for (String json : List.of("{\"kind\":\"TEXT\",\"text\":\"局\"}", "{\"text\":\"局\",\"kind\":\"TEXT\"}",
                "{\"kind\":\"SINGLE_CHOICE\",\"optionCode\":\"a\",\"count\":3}",
                "{\"optionCode\":\"a\",\"count\":3,\"extra\":[1,{\"b\":null}],\"kind\":\"SINGLE_CHOICE\"}",
                "{\"kind\":\"MULTIPLE_CHOICE\",\"selections\":[{\"optionCode\":\"a\"},{\"text\":\"t\",\"optionCode\":\"b\"}]}",
                "{\"kind\":\"NUMBER\"}", "{\"kind\":\"NUMBER\",\"value\":null}", "{\"kind\":\"DATE\",\"date\":\"2025-02-29\"}",
                "{\"kind\":\"RICH_TEXT\"}", "{\"kind\":\"UNKNOWN\",\"text\":\"x\"}", "{\"text\":\"x\"}")) {
            assertSameOutcome(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Answer.class);
        }
    }

    @Test
    void givenAReaderWithFeaturesThatChangeMissingOrNullHandling_whenRead_thenJacksonsOwnMethodDecides()
            throws Exception {
        byte[] json = "{\"userId\":\"u-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (DeserializationFeature feature : List.of(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
            Object jackson = outcome(() -> JACKSON.readerFor(ItemAnswered.class).with(feature).readValue(json));
            Object readers = outcome(() -> READERS.readerFor(ItemAnswered.class).with(feature).readValue(json));

            assertThat(readers).as(feature.name()).isEqualTo(jackson);
        }
    }

    private static void assertSameOutcome(byte[] json, Class<?> type) {
        Object jackson = outcome(() -> JACKSON.readValue(json, type));
        Object readers = outcome(() -> READERS.readValue(json, type));

        assertThat(readers).as(new String(json, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(jackson);
    }

    /** The value read, or the failure as its type and message (the same input fails the same way). */
    private static Object outcome(ThrowingSupplier read) {
        Object[] value = new Object[1];
        Throwable failure = catchThrowable(() -> value[0] = read.get());
        return failure == null ? value[0] : List.of(failure.getClass(), String.valueOf(failure.getMessage()));
    }

    @FunctionalInterface
    private interface ThrowingSupplier {
        Object get() throws Exception;
    }

    private static JsonDeserializer<Object> rootDeserializer(ObjectMapper mapper, Class<?> type) throws Exception {
        DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createDummyInstance(mapper.getDeserializationConfig());
        return context.findContextualValueDeserializer(mapper.constructType(type), null);
    }

    // ---- variants of a written record: every object in it changed in each way, one change at a time ----

    /** One object's fields, in order, names possibly repeated (which a tree cannot hold). */
    private interface Change extends UnaryOperator<List<Map.Entry<String, JsonNode>>> {
    }

    private static List<byte[]> variants(JsonNode written, SplittableRandom random) throws IOException {
        List<byte[]> variants = new ArrayList<>();
        List<List<String>> paths = new ArrayList<>();
        objectPaths(written, new ArrayList<>(), paths);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        for (List<String> path : paths) {
            List<String> names = new ArrayList<>();
            at(written, path).fieldNames().forEachRemaining(names::add);
            List<Change> changes = new ArrayList<>();
            for (String name : names) {
                changes.add(fields -> without(fields, name));
                for (JsonNode other : List.of(nodes.nullNode(), nodes.textNode("7"), nodes.numberNode(7.5),
                        nodes.numberNode(1L << 40), nodes.numberNode(new java.math.BigInteger("1" + "0".repeat(30))),
                        nodes.booleanNode(true), nodes.arrayNode().add("x"), nodes.objectNode().put("x", 1),
                        nodes.textNode(""))) {
                    changes.add(fields -> replaced(fields, name, other));
                }
                changes.add(fields -> {                     // moved last
                    List<Map.Entry<String, JsonNode>> moved = without(fields, name);
                    moved.add(find(fields, name));
                    return moved;
                });
                JsonNode unknown = unknownValue(random);
                changes.add(fields -> inserted(fields, name, Map.entry("unknown", unknown)));
                changes.add(fields -> inserted(fields, name, find(fields, name)));   // twice: the copy first
                changes.add(fields -> {                                              // twice: another value last
                    List<Map.Entry<String, JsonNode>> twice = new ArrayList<>(fields);
                    twice.add(Map.entry(name, unknown));
                    return twice;
                });
            }
            JsonNode unknown = unknownValue(random);
            changes.add(fields -> {
                List<Map.Entry<String, JsonNode>> extended = new ArrayList<>(fields);
                extended.add(Map.entry("zz-unknown", unknown));
                return extended;
            });
            changes.add(fields -> {
                List<Map.Entry<String, JsonNode>> reversed = new ArrayList<>(fields);
                java.util.Collections.reverse(reversed);
                return reversed;
            });
            changes.add(fields -> new ArrayList<>());
            for (Change change : changes) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try (JsonGenerator generator = JACKSON.getFactory().createGenerator(bytes)) {
                    write(written, new ArrayList<>(), path, change, generator);
                }
                variants.add(bytes.toByteArray());
            }
        }
        return variants;
    }

    private static void write(JsonNode node, List<String> at, List<String> target, Change change,
                              JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            if (at.equals(target)) {
                fields = change.apply(fields);
            }
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> field : fields) {
                generator.writeFieldName(field.getKey());
                List<String> next = new ArrayList<>(at);
                next.add(field.getKey());
                write(field.getValue(), next, target, change, generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            int index = 0;
            for (JsonNode element : node) {
                List<String> next = new ArrayList<>(at);
                next.add("#" + index++);
                write(element, next, target, change, generator);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }

    private static List<Map.Entry<String, JsonNode>> without(List<Map.Entry<String, JsonNode>> fields, String name) {
        List<Map.Entry<String, JsonNode>> kept = new ArrayList<>(fields);
        kept.removeIf(field -> field.getKey().equals(name));
        return kept;
    }

    private static List<Map.Entry<String, JsonNode>> replaced(List<Map.Entry<String, JsonNode>> fields, String name,
                                                              JsonNode value) {
        List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : fields) {
            replaced.add(field.getKey().equals(name) ? Map.entry(name, value) : field);
        }
        return replaced;
    }

    private static List<Map.Entry<String, JsonNode>> inserted(List<Map.Entry<String, JsonNode>> fields, String before,
                                                              Map.Entry<String, JsonNode> field) {
        List<Map.Entry<String, JsonNode>> inserted = new ArrayList<>();
        for (Map.Entry<String, JsonNode> existing : fields) {
            if (existing.getKey().equals(before)) {
                inserted.add(field);
            }
            inserted.add(existing);
        }
        return inserted;
    }

    private static Map.Entry<String, JsonNode> find(List<Map.Entry<String, JsonNode>> fields, String name) {
        return fields.stream().filter(field -> field.getKey().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode unknownValue(SplittableRandom random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(6)) {
            case 0 -> nodes.textNode(TEXTS[random.nextInt(TEXTS.length)]);
            case 1 -> nodes.numberNode(random.nextLong());
            case 2 -> nodes.nullNode();
            case 3 -> nodes.arrayNode().add(1).add(nodes.objectNode().put("kind", "TEXT")).add(nodes.arrayNode());
            case 4 -> nodes.objectNode().put("kind", "TEXT").set("nested", nodes.objectNode().put("a", "b"));
            default -> nodes.booleanNode(random.nextBoolean());
        };
    }

    private static void objectPaths(JsonNode node, List<String> path, List<List<String>> paths) {
        if (node.isObject()) {
            paths.add(List.copyOf(path));
            node.fields().forEachRemaining(field -> {
                List<String> next = new ArrayList<>(path);
                next.add(field.getKey());
                objectPaths(field.getValue(), next, paths);
            });
        } else if (node.isArray()) {
            int index = 0;
            for (JsonNode element : node) {
                List<String> next = new ArrayList<>(path);
                next.add("#" + index++);
                objectPaths(element, next, paths);
            }
        }
    }

    private static JsonNode at(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String step : path) {
            node = step.startsWith("#") ? node.get(Integer.parseInt(step.substring(1))) : node.get(step);
        }
        return node;
    }

    // ---- records generated from their components ----

    private static Object generate(Class<?> type, SplittableRandom random, boolean sparse) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
        for (int attempt = 0; ; attempt++) {
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                arguments[i] = value(components[i].getGenericType(), random, sparse);
            }
            try {
                return canonical.newInstance(arguments);
            } catch (InvocationTargetException refused) {   // e.g. a required part left null: draw again
                if (attempt > 100) {
                    throw refused;
                }
            }
        }
    }

    private static Object value(Type type, SplittableRandom random, boolean sparse) throws Exception {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (!raw.isPrimitive() && sparse && random.nextInt(3) == 0) {
            return null;
        }
        if (raw == String.class) {
            return TEXTS[random.nextInt(TEXTS.length)];
        } else if (raw == int.class || raw == Integer.class) {
            return switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> Integer.MAX_VALUE;
                case 2 -> Integer.MIN_VALUE;
                default -> random.nextInt(-1_000, 1_000);
            };
        } else if (raw == long.class || raw == Long.class) {
            return random.nextBoolean() ? random.nextLong() : (long) random.nextInt(100);
        } else if (raw == Double.class || raw == double.class) {
            return random.nextDouble();
        } else if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                list.add(Objects.requireNonNull(value(element, random, false)));
            }
            return list;
        } else if (raw == Answer.class) {
            return value(List.of(TextAnswer.class, RichTextAnswer.class, NumberAnswer.class, DateAnswer.class,
                    ChoiceAnswer.class, MultiChoiceAnswer.class).get(random.nextInt(6)), random, sparse);
        } else if (raw == AssessmentId.class) {
            return new AssessmentId(new UUID(random.nextLong(), random.nextLong()));
        } else if (raw == MunicipalityCode.class) {
            return new MunicipalityCode(CODES[random.nextInt(CODES.length)]);
        } else if (raw == ItemId.class) {
            return new ItemId(ITEMS[random.nextInt(ITEMS.length)]);
        } else if (raw == FormKind.class) {
            return FormKind.values()[random.nextInt(FormKind.values().length)];
        } else if (raw == Instant.class) {
            return Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
        } else if (raw == LocalDate.class) {
            return LocalDate.ofEpochDay(random.nextLong(-700_000, 2_900_000));
        } else if (raw.isRecord()) {
            return generate(raw, random, sparse);
        }
        throw new IllegalArgumentException("no generator for " + type);
    }
}
