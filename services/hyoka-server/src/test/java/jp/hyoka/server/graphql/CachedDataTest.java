package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CachedDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Japanese text, escapes, a character outside the BMP, numbers, null: what a document's answer holds. */
    private static Map<String, Object> data(int answers) {
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("id", "QXNzZXNzbWVudDox");
        assessment.put("affairName", "住民基本台帳に関する事務 \"引用\" \\ 改行\n𠮷");
        assessment.put("revision", 42);
        assessment.put("updatedAt", null);
        assessment.put("answers", java.util.stream.IntStream.range(0, answers)
                .mapToObj(i -> Map.of("item", "item." + i, "value", "回答 " + i)).toList());
        return Map.of("assessment", assessment);
    }

    /** The response as the endpoint builds it: the kept data beside the cost. */
    private static Map<String, Object> body(Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("extensions", Map.of("cost", Map.of("requested", 3, "actual", 3)));
        return body;
    }

    /** What the endpoint sent before it wrote bytes: the body as a String, encoded as UTF-8 by the HTTP layer. */
    private static byte[] asStringBody(Object body) throws Exception {
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenKeptData_whenTheEndpointWritesTheResponse_thenItIsByteForByteTheDataWrittenAsAStringBody()
            throws Exception {
        for (int answers : List.of(0, 3, 5_000)) {          // within Jackson's buffer, and far beyond it
            Map<String, Object> data = data(answers);

            byte[] kept = GraphQlEndpoint.json(body(CachedData.of(data)));

            assertThat(kept).isEqualTo(asStringBody(body(data)));
            assertThat(GraphQlEndpoint.json(body(data))).as("the same data executed").isEqualTo(kept);
        }
    }

    @Test
    void givenKeptData_whenWrittenAsText_thenItIsTheTextOfTheDataWrittenDirectly() throws Exception {
        Map<String, Object> data = data(3);
        CachedData kept = CachedData.of(data);

        assertThat(JSON.writeValueAsString(body(kept))).isEqualTo(JSON.writeValueAsString(body(data)));
        assertThat(kept.json()).isEqualTo(JSON.writeValueAsString(data));
        assertThat(kept.length()).as("characters, as the cache's limit counts them")
                .isEqualTo(JSON.writeValueAsString(data).length());
    }
}
