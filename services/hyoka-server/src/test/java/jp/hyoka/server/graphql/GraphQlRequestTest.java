package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphQlRequestTest {

    private static GraphQlRequest post(String contentType, String body) {
        return GraphQlRequest.fromPost(contentType, body.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void givenAJsonOperation_whenRead_thenQueryOperationAndVariables() {
        GraphQlRequest request = post("application/json; charset=utf-8",
                "{\"query\": \"query Q($id: ID!) { assessment(id: $id) { id } }\", \"operationName\": \"Q\","
                        + " \"variables\": {\"id\": \"評価\", \"n\": 3}}");

        assertThat(request.query()).startsWith("query Q");
        assertThat(request.operationName()).isEqualTo("Q");
        assertThat(request.variables()).isEqualTo(Map.of("id", "評価", "n", 3));
    }

    @Test
    void givenVariablesOfEveryJsonKind_whenRead_thenTheyAreWhatJacksonsConversionToAMapGives() throws Exception {
        String variables = "{\"s\": \"評価 \\\"書\\\" \\ud842\\udfb7\", \"i\": 3, \"neg\": -7, \"l\": 12345678901,"
                + " \"big\": 123456789012345678901234567890, \"d\": 1.5, \"e\": 2e3, \"t\": true, \"f\": false,"
                + " \"n\": null, \"empty\": {}, \"list\": [1, \"x\", null, [2.25, {\"k\": [false]}]],"
                + " \"input\": {\"text\": \"改行\\n\", \"count\": 0, \"z\": 1, \"a\": 2}}";
        ObjectMapper jackson = new ObjectMapper();
        Object expected = jackson.convertValue(jackson.readTree(variables), Map.class);

        GraphQlRequest request = post("application/json", "{\"query\": \"{ me { userId } }\", \"variables\": "
                + variables + "}");

        assertThat(request.variables()).isEqualTo(expected);
        assertThat(request.variables().toString()).as("the same order and the same number types")
                .isEqualTo(expected.toString());
        assertThat(((Map<?, ?>) request.variables().get("input")).keySet()).map(String::valueOf)
                .containsExactly("text", "count", "z", "a");
        assertThat(request.variables().get("l")).isInstanceOf(Long.class);
        assertThat(request.variables().get("big")).isInstanceOf(BigInteger.class);
        assertThat(request.variables().get("e")).isInstanceOf(Double.class);
    }

    @Test
    void givenNullVariablesAndOperationName_whenRead_thenEmpty() {
        GraphQlRequest request = post("application/json", "{\"query\": \"{ me { userId } }\", \"variables\": null,"
                + " \"operationName\": null}");

        assertThat(request.variables()).isEmpty();
        assertThat(request.operationName()).isNull();
    }

    @Test
    void givenAGraphQlBody_whenRead_thenTheBodyIsTheQuery() {
        assertThat(post("application/graphql", "{ me { userId } }").query()).isEqualTo("{ me { userId } }");
    }

    @Test
    void givenABatch_whenRead_thenRefusedNamingBatches() {
        assertThatThrownBy(() -> post("application/json", "[{\"query\": \"{ me { userId } }\"}]"))
                .isInstanceOf(GraphQlRequest.Refused.class).hasMessageContaining("Batched")
                .extracting(e -> ((GraphQlRequest.Refused) e).code()).isEqualTo(GraphQlRequest.BAD_REQUEST);
    }

    @Test
    void givenMalformedBodies_whenRead_thenRefusedAsBadRequest() {
        for (String body : new String[]{"", "{", "{\"query\": 1}", "{\"query\": \"{ a }\"} trailing", "\"text\"",
                "{\"query\": \"{ a }\", \"variables\": [1]}", "{\"query\": \"{ a }\", \"operationName\": 2}"}) {
            assertThatThrownBy(() -> post("application/json", body)).as(body)
                    .isInstanceOf(GraphQlRequest.Refused.class)
                    .extracting(e -> ((GraphQlRequest.Refused) e).code()).isEqualTo(GraphQlRequest.BAD_REQUEST);
        }
    }

    @Test
    void givenAnotherContentType_whenRead_thenRefusedNamingIt() {
        assertThatThrownBy(() -> post("text/plain", "{ a }")).hasMessageContaining("text/plain");
        assertThatThrownBy(() -> post(null, "{ a }")).hasMessageContaining("none");
    }

    @Test
    void givenInvalidUtf8_whenRead_thenRefusedAsInvalidEncoding() {
        byte[] body = "{\"query\": \"{ a }\", \"variables\": {\"t\": \"XX\"}}".getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.UTF_8).indexOf("XX");
        body[at] = (byte) 0xE3;                                   // a lead byte without its continuation
        body[at + 1] = (byte) 0x41;

        assertThatThrownBy(() -> GraphQlRequest.fromPost("application/json", body, null))
                .extracting(e -> ((GraphQlRequest.Refused) e).code()).isEqualTo(GraphQlRequest.INVALID_ENCODING);
    }

    @Test
    void givenAnUnpairedSurrogateEscape_whenRead_thenRefusedAsInvalidEncoding() {
        assertThatThrownBy(() -> post("application/json", "{\"query\": \"{ a }\", \"variables\": {\"t\": \"a\\udc00\"}}"))
                .extracting(e -> ((GraphQlRequest.Refused) e).code()).isEqualTo(GraphQlRequest.INVALID_ENCODING);
        assertThatThrownBy(() -> post("application/json", "{\"query\": \"{ a }\", \"variables\": {\"\\ud800\": 1}}"))
                .extracting(e -> ((GraphQlRequest.Refused) e).code()).isEqualTo(GraphQlRequest.INVALID_ENCODING);
    }

    @Test
    void givenAPairedSurrogateEscape_whenRead_thenKept() {
        GraphQlRequest request = post("application/json", "{\"query\": \"{ a }\", \"variables\": {\"t\": \"\\ud842\\udfb7\"}}");

        assertThat(request.variables()).isEqualTo(Map.of("t", "𠮷"));
    }

    @Test
    void givenAQueryString_whenRead_thenDecodedStrictly() {
        GraphQlRequest request = GraphQlRequest.fromQueryString(
                "query=%7B%20me%20%7B%20userId%20%7D%20%7D&variables=%7B%22a%22%3A%22%E8%A9%95%22%7D");

        assertThat(request.query()).isEqualTo("{ me { userId } }");
        assertThat(request.variables()).isEqualTo(Map.of("a", "評"));
        assertThatThrownBy(() -> GraphQlRequest.fromQueryString("query=%7B%FF%7D"))
                .extracting(e -> ((GraphQlRequest.Refused) e).code()).isEqualTo(GraphQlRequest.INVALID_ENCODING);
        assertThatThrownBy(() -> GraphQlRequest.fromQueryString("query=%zz"))
                .extracting(e -> ((GraphQlRequest.Refused) e).code()).isEqualTo(GraphQlRequest.BAD_REQUEST);
        assertThatThrownBy(() -> GraphQlRequest.fromQueryString("operationName=x"))
                .hasMessageContaining("'query'");
    }

    @Test
    void givenAPersistedQueryWithoutItsText_whenRead_thenTheHashNamesTheDocument() {
        String hash = "AB".repeat(32);

        GraphQlRequest posted = post("application/json",
                "{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + hash + "\"}}}");
        GraphQlRequest got = GraphQlRequest.fromQueryString("extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1"
                + "%2C%22sha256Hash%22%3A%22" + hash + "%22%7D%7D");

        assertThat(posted.query()).isNull();
        assertThat(posted.persistedHash()).isEqualTo(hash.toLowerCase());
        assertThat(got.query()).isNull();
        assertThat(got.persistedHash()).isEqualTo(hash.toLowerCase());
        assertThat(post("application/json", "{\"query\": \"{ me { userId } }\"}").persistedHash()).isNull();
    }

    @Test
    void givenAMalformedPersistedQuery_whenRead_thenBadRequest() {
        for (String extensions : new String[] {"[]", "{\"persistedQuery\": {\"version\": 2, \"sha256Hash\": \""
                + "a".repeat(64) + "\"}}", "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"xyz\"}}",
                "{\"persistedQuery\": {\"version\": \"1\", \"sha256Hash\": \"" + "a".repeat(64) + "\"}}"}) {
            assertThatThrownBy(() -> post("application/json", "{\"extensions\": " + extensions + "}"))
                    .as(extensions)
                    .extracting(e -> ((GraphQlRequest.Refused) e).code()).isEqualTo(GraphQlRequest.BAD_REQUEST);
        }
        assertThatThrownBy(() -> post("application/json", "{\"extensions\": {}}"))
                .hasMessageContaining("'query'");
    }
}
