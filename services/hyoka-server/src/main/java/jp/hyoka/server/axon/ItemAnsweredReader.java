package jp.hyoka.server.axon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.assessment.event.ItemAnswered;
import jp.hyoka.domain.form.Answer;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.TextAnswer;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads a stored {@link ItemAnswered} (the most frequent event: 9 of a row 5 load's 10) token by token, in exactly
 * the shape the events' mapper writes it (EventJson: the record's components in order, absent optional ones left
 * out, a text or rich-text answer); for any other shape, or a value its constructor refuses, it answers null and the
 * mapper reads the bytes as before, so that what a payload reads as, or how it fails, never depends on this reader.
 * Why: Jackson's bean machinery (property buffer, creator lookup, polymorphic answer, per-property deserializers)
 * costs about as much again as tokenizing the bytes (PayloadReadProbe, BENCHMARKS.md row 5).
 */
final class ItemAnsweredReader {

    private final JsonFactory factory;
    private final Function<String, AssessmentId> assessmentIds =
            KnownValues.lastOnly(text -> new AssessmentId(UUID.fromString(text)));
    private final Function<String, MunicipalityCode> tenants =
            KnownValues.upTo(EventJson.KNOWN_TEXTS, MunicipalityCode::new);
    private final Function<String, ItemId> itemIds = KnownValues.upTo(EventJson.KNOWN_TEXTS, ItemId::new);

    ItemAnsweredReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** The event, or null when the bytes are not in the mapper's own shape (or do not make an event). */
    ItemAnswered read(byte[] json) {
        try (JsonParser parser = factory.createParser(json)) {
            return parser.nextToken() == JsonToken.START_OBJECT ? event(parser) : null;
        } catch (IOException | RuntimeException e) {
            return null;                // the mapper reads it again and answers (or fails) as it always has
        }
    }

    private ItemAnswered event(JsonParser parser) throws IOException {
        String assessmentId = string(parser, "assessmentId");
        String tenant = string(parser, "tenant");
        String itemId = string(parser, "itemId");
        if (assessmentId == null || tenant == null || itemId == null || !"entries".equals(parser.nextFieldName())
                || parser.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> entries = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
            entries.add(parser.getText());
        }
        if (token != JsonToken.END_ARRAY) {
            return null;
        }
        String name = parser.nextFieldName();
        Answer previous = null;
        if ("previousAnswer".equals(name)) {
            previous = answer(parser);
            if (previous == null) {
                return null;
            }
            name = parser.nextFieldName();
        }
        Answer answer = "answer".equals(name) ? answer(parser) : null;
        if (answer == null) {
            return null;
        }
        name = parser.nextFieldName();
        String reason = null;
        if ("reason".equals(name)) {
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            reason = parser.getText();
            name = parser.nextFieldName();
        }
        Actor by = "by".equals(name) ? actor(parser) : null;
        String at = by == null ? null : string(parser, "at");
        Instant instant = at == null ? null : InstantJson.parse(at);
        if (instant == null || parser.nextToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            return null;
        }
        return new ItemAnswered(assessmentIds.apply(assessmentId), tenants.apply(tenant), itemIds.apply(itemId),
                entries, previous, answer, reason, by, instant);
    }

    /** {@code {"kind":"TEXT","text":…}} or {@code {"kind":"RICH_TEXT","html":…}}; null for anything else. */
    private static Answer answer(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String kind = string(parser, "kind");
        Answer answer = null;
        if ("TEXT".equals(kind)) {
            String text = string(parser, "text");
            answer = text == null ? null : new TextAnswer(text);
        } else if ("RICH_TEXT".equals(kind)) {
            String html = string(parser, "html");
            answer = html == null ? null : new RichTextAnswer(html);
        }
        return answer != null && parser.nextToken() == JsonToken.END_OBJECT ? answer : null;
    }

    private static Actor actor(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String userId = string(parser, "userId");
        String displayName = userId == null ? null : string(parser, "displayName");
        return displayName != null && parser.nextToken() == JsonToken.END_OBJECT ? new Actor(userId, displayName)
                : null;
    }

    /** The next field, if it is {@code name} with a string value: that value; otherwise null. */
    private static String string(JsonParser parser, String name) throws IOException {
        return name.equals(parser.nextFieldName()) && parser.nextToken() == JsonToken.VALUE_STRING ? parser.getText()
                : null;
    }
}
