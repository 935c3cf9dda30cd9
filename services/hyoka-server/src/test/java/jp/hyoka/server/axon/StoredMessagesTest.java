package jp.hyoka.server.axon;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jp.hyoka.domain.shared.MunicipalityCode;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hash chain reads an appended event's municipality from its payload's first top-level {@code tenant} and the
 * backfill from its last: stored messages are written with each property once, so no event type's mapping can make
 * the two differ. The types here are test-only events whose mapping repeats {@code tenant}, as plain Jackson writes it.
 */
class StoredMessagesTest {

    private static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");
    private static final MunicipalityCode ASAHIKAWA = new MunicipalityCode("012041");

    record Envelope(MunicipalityCode tenant, String assessmentId) {
    }

    /** An envelope flattened into the event, beside a {@code tenant} of the event's own. */
    record UnwrappedEnvelope(@JsonUnwrapped Envelope envelope, MunicipalityCode tenant, String text) {
    }

    /** Extra properties written as if they were the event's own, one of them a {@code tenant}. */
    record WithExtras(MunicipalityCode tenant, String text, Map<String, Object> extras) {
        @JsonAnyGetter
        public Map<String, Object> extraProperties() {
            return extras;
        }
    }

    @Test
    void givenAnEventWhoseUnwrappedEnvelopeAlsoNamesATenant_whenStored_thenItIsRefusedAndNothingIsWritten()
            throws Exception {
        UnwrappedEnvelope event = new UnwrappedEnvelope(new Envelope(ASAHIKAWA, "a-1"), KAWASAKI, "回答");

        assertThat(EventJson.objectMapper().writeValueAsString(event))
                .isEqualTo("{\"tenant\":\"012041\",\"assessmentId\":\"a-1\",\"tenant\":\"141305\",\"text\":\"回答\"}");
        assertThatThrownBy(() -> EventJson.storedMessages().serialize(event, byte[].class))
                .isInstanceOf(SerializationException.class).hasStackTraceContaining("Duplicate field 'tenant'");
    }

    @Test
    void givenAnEventWhoseAnyGetterWritesATenant_whenStored_thenItIsRefusedAndNothingIsWritten() throws Exception {
        WithExtras event = new WithExtras(KAWASAKI, "回答", Map.of("tenant", ASAHIKAWA.value()));

        assertThat(EventJson.objectMapper().writeValueAsString(event))
                .isEqualTo("{\"tenant\":\"141305\",\"text\":\"回答\",\"extras\":{\"tenant\":\"012041\"},"
                        + "\"tenant\":\"012041\"}");
        assertThatThrownBy(() -> EventJson.storedMessages().serialize(event, byte[].class))
                .isInstanceOf(SerializationException.class).hasStackTraceContaining("Duplicate field 'tenant'");
    }

    @Test
    void givenAnEventWithATenantInANestedObject_whenStored_thenItIsWrittenAsPlainJacksonWritesIt() throws Exception {
        WithExtras event = new WithExtras(KAWASAKI, "回答", Map.of());
        Envelope nested = new Envelope(ASAHIKAWA, "a-2");
        UnwrappedEnvelope unwrapped = new UnwrappedEnvelope(new Envelope(null, "a-3"), KAWASAKI, "回答");

        for (Object ok : new Object[]{event, nested, unwrapped, Map.of("answer", nested, "tenant", KAWASAKI)}) {
            assertThat(new String(EventJson.storedMessages().serialize(ok, byte[].class).getData(), "UTF-8"))
                    .isEqualTo(EventJson.objectMapper().writeValueAsString(ok));
        }
    }
}
