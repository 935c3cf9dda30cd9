package jp.hyoka.server.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ChoiceAnswer;
import jp.hyoka.domain.form.DateAnswer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.NumberAnswer;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token reader of stored {@code ItemAnswered} reads what the events' mapper reads, or declines (null) and leaves
 * the bytes to the mapper: over random events of every answer kind, and over variants of their JSON in shapes the
 * mapper does not write (fields moved, unknown, null, absent, of another kind, trailing content, broken values).
 */
class ItemAnsweredReaderTest {

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final String[] TEXTS = {"", " ", "こども家庭局", "a\"b\\c\n\t", "😀 絵文字", "x".repeat(300),
        "\u0000\u001f", "市民文化局 第1版"};
    private static final String[] ITEMS = {"department.name", "affair.name", "file.acquisition.sources",
        "cover.published-on"};

    private final ItemAnsweredReader reader = new ItemAnsweredReader(JSON.getFactory());

    @Test
    void givenRandomEventsAsTheMapperWritesThem_whenRead_thenTheMappersEventOrDeclinedForOtherAnswerKinds()
            throws Exception {
        SplittableRandom random = new SplittableRandom(22);
        int read = 0;
        for (int i = 0; i < 5_000; i++) {
            ItemAnswered event = event(random);
            byte[] json = JSON.writeValueAsBytes(event);

            ItemAnswered fast = reader.read(json);

            boolean textual = textual(event.answer()) && (event.previousAnswer() == null
                    || textual(event.previousAnswer()));
            if (textual) {
                assertThat(fast).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(event)
                        .isEqualTo(JSON.readValue(json, ItemAnswered.class));
                read++;
            } else {
                assertThat(fast).isNull();
            }
        }
        assertThat(read).as("most events are read by the token reader").isGreaterThan(2_000);
    }

    @Test
    void givenVariantsOfTheWrittenShape_whenRead_thenTheMappersEventOrDeclined() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        int declined = 0;
        int variants = 0;
        for (int i = 0; i < 400; i++) {
            ItemAnswered event = textualEvent(random);
            for (String variant : variants(JSON.writeValueAsString(event), random)) {
                variants++;
                byte[] json = variant.getBytes(StandardCharsets.UTF_8);
                ItemAnswered fast = reader.read(json);
                Object mapper;
                try {
                    mapper = JSON.readValue(json, ItemAnswered.class);
                } catch (Exception e) {
                    mapper = e;
                }
                if (fast == null) {
                    declined++;
                } else {
                    assertThat(fast).as(variant).isEqualTo(mapper);
                }
            }
        }
        assertThat(variants).isGreaterThan(10_000);
        assertThat(declined).as("shapes the mapper does not write are left to it").isGreaterThan(variants / 2);
    }

    /** The written JSON changed one way at a time: each field moved, dropped, nulled, retyped, unknown ones added. */
    private static List<String> variants(String written, SplittableRandom random) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(written);
        List<String> fields = new ArrayList<>();
        tree.fieldNames().forEachRemaining(fields::add);
        List<String> variants = new ArrayList<>(List.of(written, written + " ", written + "{}", written + "x",
                "[" + written + "]", written.substring(0, written.length() - 1), "{}", "null", ""));
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        for (String field : fields) {
            ObjectNode dropped = tree.deepCopy();
            dropped.remove(field);
            variants.add(dropped.toString());
            ObjectNode moved = tree.deepCopy();
            moved.set(field, moved.remove(field));
            variants.add(moved.toString());
            for (var value : List.of(nodes.nullNode(), nodes.numberNode(random.nextInt(100)), nodes.booleanNode(true),
                    nodes.textNode("x"), nodes.arrayNode(), nodes.objectNode(), nodes.textNode("141305"),
                    nodes.textNode(UUID.randomUUID().toString()), nodes.textNode("2026-01-02T03:04:05Z"))) {
                ObjectNode changed = tree.deepCopy();
                changed.set(field, value);
                variants.add(changed.toString());
            }
            ObjectNode unknown = nodes.objectNode();
            for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.equals(field)) {
                    unknown.put("unknown", "x");
                }
                unknown.set(name, tree.get(name));
            }
            variants.add(unknown.toString());
            variants.add(tree.toString().replace("\"" + field + "\":", "\"" + field + "\":" + tree.get(field)
                    + ",\"" + field + "\":"));                  // the field twice
        }
        for (String answer : List.of("answer", "previousAnswer")) {
            if (tree.get(answer) instanceof ObjectNode object) {
                ObjectNode extra = tree.deepCopy();
                ((ObjectNode) extra.get(answer)).put("extra", 1);
                variants.add(extra.toString());
                ObjectNode tagLast = tree.deepCopy();
                ObjectNode moved = (ObjectNode) tagLast.get(answer);
                moved.set("kind", moved.remove("kind"));
                variants.add(tagLast.toString());
                ObjectNode kind = tree.deepCopy();
                ((ObjectNode) kind.get(answer)).put("kind", object.get("kind").asText().equals("TEXT") ? "RICH_TEXT"
                        : "TEXT");
                variants.add(kind.toString());
            }
        }
        ObjectNode by = tree.deepCopy();
        ((ObjectNode) by.get("by")).put("userId", " ");
        variants.add(by.toString());
        ObjectNode at = tree.deepCopy();
        at.put("at", "2026-02-30T00:00:00Z");
        variants.add(at.toString());
        ObjectNode item = tree.deepCopy();
        item.put("itemId", "Not An Item");
        variants.add(item.toString());
        return variants;
    }

    private static boolean textual(Answer answer) {
        return answer instanceof TextAnswer || answer instanceof RichTextAnswer;
    }

    private static ItemAnswered textualEvent(SplittableRandom random) {
        ItemAnswered event;
        do {
            event = event(random);
        } while (!textual(event.answer()) || event.previousAnswer() != null && !textual(event.previousAnswer()));
        return event;
    }

    private static ItemAnswered event(SplittableRandom random) {
        List<String> entries = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            entries.add(random.nextBoolean() ? UUID.randomUUID().toString() : text(random));
        }
        return new ItemAnswered(new AssessmentId(new UUID(random.nextLong(), random.nextLong())),
                new MunicipalityCode(random.nextBoolean() ? "141305" : "012041"),
                new ItemId(ITEMS[random.nextInt(ITEMS.length)]), entries,
                random.nextInt(3) == 0 ? null : answer(random), answer(random),
                random.nextBoolean() ? null : text(random),
                new Actor("u-" + random.nextInt(1_000), random.nextBoolean() ? text(random) : null),
                Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L),
                        random.nextBoolean() ? 0 : random.nextInt(1_000_000_000)));
    }

    private static Answer answer(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> new NumberAnswer(random.nextInt(1_000));
            case 1 -> new DateAnswer(LocalDate.ofEpochDay(random.nextInt(30_000)));
            case 2 -> new ChoiceAnswer("consigning");
            case 3, 4 -> new RichTextAnswer("<p>" + text(random) + "</p>");
            default -> new TextAnswer(text(random));
        };
    }

    private static String text(SplittableRandom random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }
}
