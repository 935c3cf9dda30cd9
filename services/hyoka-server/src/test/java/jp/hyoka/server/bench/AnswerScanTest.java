package jp.hyoka.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cheap checks of the lean load side's answers, and the bodies it sends. */
class AnswerScanTest {

    private static LeanHttpClient.Answer ok(String body) {
        return new LeanHttpClient.Answer(200, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenAnEditsSuccess_whenScanned_thenItsTypenameAndRevisionAreFound_notTheNestedOnes() {
        AnswerScan scan = AnswerScan.of(ok("{\"data\":{\"answerItem\":{\"__typename\":\"AssessmentEdited\","
                + "\"nested\":{\"revision\":99,\"__typename\":\"X\"},\"revision\":12}},"
                + "\"extensions\":{\"cost\":{\"requestedQueryCost\":10,\"actualQueryCost\":10}}}"), "answerItem");

        assertThat(scan).isEqualTo(new AnswerScan("AssessmentEdited", 12L));
    }

    @Test
    void givenAProblemWhoseMessageQuotesJson_whenScanned_thenTheTextIsNotTakenForMembers() {
        String body = "{\"data\":{\"answerItem\":{\"__typename\":\"StaleRevision\",\"code\":\"STALE\","
                + "\"message\":\"} ,\\\"errors\\\":[1], \\\"revision\\\":5, "
                + "\\\"__typename\\\":\\\"AssessmentEdited\\\"\"}}}";

        AnswerScan scan = AnswerScan.of(ok(body), "answerItem");

        assertThat(scan).isEqualTo(new AnswerScan("StaleRevision", null));
        assertThatThrownBy(() -> scan.requireRevision(ok(body))).hasMessageContaining("no revision");
    }

    @Test
    void givenAnswersThatAreNotSuccesses_whenScanned_thenEachIsABadAnswerWithItsBody() {
        for (String body : new String[]{
                "{\"errors\":[{\"message\":\"m\"}],\"data\":null}",
                "{\"data\":{\"answerItem\":{\"__typename\":\"AssessmentEdited\",\"revision\":1}},\"errors\":[]}",
                "{\"data\":{\"answerItem\":null}}",
                "{\"data\":{\"other\":{\"revision\":1}}}",
                "{\"data\":{\"answerItem\":{\"revision\":1}}} trailing",
                "[{\"data\":{}}]",
                "not json",
                ""}) {
            assertThatThrownBy(() -> AnswerScan.of(ok(body), "answerItem")).as(body)
                    .isInstanceOf(AnswerScan.BadAnswer.class).hasMessageContaining(body);
        }
        assertThatThrownBy(() -> AnswerScan.of(new LeanHttpClient.Answer(500, "{\"data\":{}}".getBytes(
                StandardCharsets.UTF_8)), "answerItem")).hasMessageContaining("status 500");
    }

    @Test
    void givenAnEditsBodies_whenWritten_thenEachIsTheJsonJacksonWouldWrite() throws Exception {
        GraphQlBodies.Edits edits = new GraphQlBodies.Edits("0190-\"id\"", "計測 ");

        byte[] body = edits.body(41, 1234567890123L);

        assertThat(new ObjectMapper().readTree(body)).isEqualTo(new ObjectMapper().readTree(GraphQlBodies.of(
                ProductServer.ANSWER, Map.of("id", "0190-\"id\"", "rev", 41, "text", "計測 1234567890123"))));
    }
}
