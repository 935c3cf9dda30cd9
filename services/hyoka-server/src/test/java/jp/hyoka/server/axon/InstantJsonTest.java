package jp.hyoka.server.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class InstantJsonTest {

    /** jsr310 alone: what stored events were read with before {@link InstantJson}. */
    private static final ObjectMapper JSR310 = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ObjectMapper EVENTS = EventJson.objectMapper();

    @Test
    void givenInstantsAsTheSerializerWritesThem_whenRead_thenTheSameInstantsAsJsr310Reads() throws Exception {
        SplittableRandom random = new SplittableRandom(22);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), nanos);
            String json = EVENTS.writeValueAsString(instant);

            assertThat(InstantJson.parse(instant.toString())).as(json).isEqualTo(instant);
            assertThat(EVENTS.readValue(json, Instant.class)).as(json).isEqualTo(instant)
                    .isEqualTo(JSR310.readValue(json, Instant.class));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-12-06T09:00:00+09:00\"", "\"2026-12-06T23:59:60Z\"", "\"+10000-01-01T00:00:00Z\"",
            "\"2026-12-06t09:00:00z\"", "\"2026-12-06T09:00:00.Z\"", "\"2026-12-06T09:00:00.1234567890Z\"",
            "\"2026-02-30T09:00:00Z\"", "\"2026-13-06T09:00:00Z\"", "\" 2026-12-06T09:00:00Z\"", "\"\"",
            "1765011600", "1765011600.5", "\"2026-12-06T09:00:00,5Z\""})
    void givenAnyOtherForm_whenRead_thenJsr310Decides(String json) throws Exception {
        Object jsr310 = read(JSR310, json);
        Object events = read(EVENTS, json);

        if (jsr310 instanceof Throwable expected) {
            assertThat(events).isInstanceOf(expected.getClass());
        } else {
            assertThat(events).isEqualTo(jsr310);
        }
    }

    private static Object read(ObjectMapper mapper, String json) {
        Throwable failure = catchThrowable(() -> mapper.readValue(json, Instant.class));
        if (failure != null) {
            return failure;
        }
        try {
            return mapper.readValue(json, Instant.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
