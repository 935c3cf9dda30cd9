package jp.hyoka.server.axon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads an {@link Instant} of stored JSON. What the serializer writes ({@code Instant.toString()}:
 * {@code 2026-12-06T09:00:00.123456Z}, 0–9 fraction digits, years 0000–9999) is read by position; anything else goes
 * to jsr310's {@link InstantDeserializer}, as before. Why: every event carries its {@code at}, and jsr310 parses it
 * with {@code DateTimeFormatter}, which was 13 % of the CPU of loading a 10-event assessment (BENCHMARKS.md row 5,
 * infra/docs/history-benchmark.md). The result is the same Instant either way.
 */
final class InstantJson extends StdScalarDeserializer<Instant> {

    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    private static final int SHORTEST = "0000-01-01T00:00:00Z".length();
    private static final int LONGEST = "0000-01-01T00:00:00.000000000Z".length();

    InstantJson() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant instant = parse(parser.getText());
            if (instant != null) {
                return instant;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} as an Instant; null for any other text (left to jsr310). */
    static Instant parse(String text) {
        int length = text.length();
        if (length < SHORTEST || length > LONGEST || length == SHORTEST + 1 || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z' || length > SHORTEST && text.charAt(19) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int fraction = length > SHORTEST ? digits(text, 20, length - SHORTEST - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || fraction < 0) {
            return null;                                    // a leap second (60) too: jsr310 knows what to do
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;                                    // no such day: jsr310 says so, as before
        }
        int nanos = length > SHORTEST ? fraction * SCALE[length - SHORTEST - 2] : 0;
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number of {@code count} digits from {@code start}; -1 if any is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
