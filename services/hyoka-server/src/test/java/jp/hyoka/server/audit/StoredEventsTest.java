package jp.hyoka.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain an event belongs to is read from its payload in one pass; the answer must be the one of the definition
 * (the payload read as a tree, {@code tenant} if textual, else {@code municipality} if textual, else the platform),
 * or appends, the backfill and verification would put an event on different chains.
 */
class StoredEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenPayloadsOfEveryShape_whenTheirChainIsRead_thenItIsTheOneTheTreeDefinitionNames() {
        List<String> payloads = List.of(
                "{\"tenant\":\"141305\",\"assessmentId\":\"a\",\"answer\":{\"kind\":\"TEXT\",\"text\":\"回答\"}}",
                "{\"answer\":{\"tenant\":\"999999\"},\"by\":[{\"tenant\":\"1\"}],\"tenant\":\"012041\"}",
                "{\"municipality\":\"012041\",\"name\":\"旭川市\"}",
                "{\"municipality\":\"012041\",\"tenant\":\"141305\"}",
                "{\"tenant\":7,\"municipality\":\"012041\"}",
                "{\"tenant\":null,\"municipality\":{\"code\":\"012041\"}}",
                "{\"tenant\":\"141305\",\"tenant\":\"012041\"}",
                "{\"tenant\":\"141305\",\"tenant\":false}",
                "{\"tenant\":\"\"}",
                "{\"nested\":{\"municipality\":\"012041\"}}",
                "{\"tenant\":\"141305\"} trailing",
                "{\"tenant\":\"141305\",",
                "{\"a\":[1,2,{\"b\":}],\"tenant\":\"141305\"}",
                "[{\"tenant\":\"141305\"}]",
                "\"141305\"",
                "42",
                "{}",
                "",
                "not json");

        for (String payload : payloads) {
            assertThat(StoredEvents.tenantOf(payload)).as(payload).isEqualTo(byTree(payload));
        }
    }

    private static String byTree(String payload) {
        try {
            JsonNode json = JSON.readTree(payload);
            for (String field : List.of("tenant", "municipality")) {
                if (json != null && json.path(field).isTextual()) {
                    return json.path(field).asText();
                }
            }
        } catch (JsonProcessingException e) {
            return StoredEvents.PLATFORM;
        }
        return StoredEvents.PLATFORM;
    }
}
