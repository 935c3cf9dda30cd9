package jp.hyoka.server.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.form.ItemId;
import jp.hyoka.domain.review.ThreadAnchor;
import jp.hyoka.domain.review.ThreadId;
import jp.hyoka.domain.review.event.ReplyPosted;
import jp.hyoka.domain.review.event.ReviewThreadEvent;
import jp.hyoka.domain.review.event.ThreadReopened;
import jp.hyoka.domain.review.event.ThreadResolved;
import jp.hyoka.domain.review.event.ThreadStarted;
import jp.hyoka.domain.shared.Actor;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.axon.EventJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The stored JSON of review-thread events, pinned by golden files in {@code src/test/resources/events} like every
 * other event's (EventJsonContractTest): a change breaks the threads already stored. Fix the code, never the file.
 * {@code tenant} is what puts them on the municipality's hash chain.
 */
class ReviewThreadEventJsonTest {

    private static final ObjectMapper JSON = EventJson.objectMapper();

    static Stream<Arguments> threadEvents() {
        ThreadId thread = new ThreadId(UUID.fromString("01927a3c-5b1e-7000-8000-0000000000a1"));
        AssessmentId assessment = new AssessmentId(UUID.fromString("01927a3c-5b1e-7000-8000-000000000001"));
        MunicipalityCode kawasaki = new MunicipalityCode("141305");
        Actor auditor = new Actor("u-2", "佐藤 花子");
        Instant t0 = Instant.parse("2025-04-01T00:00:00Z");
        Instant t1 = Instant.parse("2025-04-01T01:00:00Z");
        return Stream.of(
                arguments("ThreadStarted", new ThreadStarted(thread, assessment, kawasaki,
                        new ThreadAnchor(new ItemId("system.name"), "s1"), "<p>名称が古い</p>", auditor, t0)),
                arguments("ThreadStarted-whole-document", new ThreadStarted(thread, assessment, kawasaki,
                        ThreadAnchor.wholeDocument(), "<p>用語の統一</p>", auditor, t0)),
                arguments("ReplyPosted", new ReplyPosted(thread, assessment, kawasaki, "<p>直しました</p>",
                        new Actor("u-1", "山田 太郎"), t1)),
                arguments("ThreadResolved", new ThreadResolved(thread, assessment, kawasaki, auditor, t1)),
                arguments("ThreadReopened", new ThreadReopened(thread, assessment, kawasaki, auditor, t1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadEvents")
    void givenAThreadEvent_whenSerializedAndRead_thenItMatchesItsGoldenFileBothWays(String name,
                                                                                   ReviewThreadEvent event)
            throws IOException {
        try (InputStream golden = resource(name)) {
            assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(JSON.readTree(golden));
        }
        try (InputStream golden = resource(name)) {
            assertThat(JSON.readValue(golden, event.getClass())).isEqualTo(event);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ReviewThreadEventJsonTest.class.getResourceAsStream("/events/" + name + ".json");
        assertThat(in).as("golden file events/%s.json", name).isNotNull();
        return in;
    }
}
