package jp.hyoka.server.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored texts of an instant are a contract (event JSON, the timestamp column, the hash chain): unchanged. */
class InstantTextTest {

    /** jsr310 alone, timestamps off: what events were written with before {@link InstantJsonWriter}. */
    private static final ObjectMapper JSR310 = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper EVENTS = EventJson.objectMapper();

    @Test
    void givenInstantsOverTheWholeRangeWithEveryFractionLength_whenWritten_thenTheSameTextsAsTheFormatters()
            throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 50_000; i++) {
            int nanos = switch (i % 5) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                case 3 -> random.nextInt(1_000) * 1_000 + 7;
                default -> random.nextInt(1_000_000_000);
            };
            long seconds = i % 7 == 0 ? random.nextLong(1_700_000_000L, 1_900_000_000L) : random.nextLong(first, last + 1);
            assertSameTexts(Instant.ofEpochSecond(seconds, nanos));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z", "2026-12-06T09:00:00.100Z", "2026-12-06T09:00:00.000100Z",
            "2024-02-29T23:59:59.000000001Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
            "-1000-06-15T12:00:00Z", "+99999-01-01T00:00:00.5Z"})
    void givenEdgesAndYearsOutsideFourDigits_whenWritten_thenTheSameTextsAsTheFormatters(String text)
            throws Exception {
        assertSameTexts(Instant.parse(text));
    }

    private static void assertSameTexts(Instant instant) throws Exception {
        assertThat(InstantText.iso(instant)).isEqualTo(instant.toString());
        assertThat(InstantText.axonTimestamp(instant)).as(instant.toString())
                .isEqualTo(DateTimeUtils.formatInstant(instant));
        assertThat(EVENTS.writeValueAsString(instant)).isEqualTo(JSR310.writeValueAsString(instant));
    }
}
