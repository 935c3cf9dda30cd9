package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.domain.assessment.event.AssessmentStarted;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load on cache miss folds the assessment's events through {@link AssessmentAggregate#replay} instead of Axon's
 * dispatch to its {@link EventSourcingHandler}s ({@code axon/DirectReplay}). The two agree only while replay knows
 * every handler: a handler added without it would be skipped by every load from the store, silently.
 */
class DirectReplayCoversHandlersTest {

    @Test
    void givenTheAggregatesEventSourcingHandlers_thenTheyAreExactlyTheOnesItsDirectReplayDispatchesTo() {
        assertThat(Arrays.stream(AssessmentAggregate.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventSourcingHandler.class))
                .map(DirectReplayCoversHandlersTest::payloadType))
                .as("a new @EventSourcingHandler must also be dispatched by AssessmentAggregate.replay (and this "
                        + "list updated)")
                .containsExactlyInAnyOrder(AssessmentStarted.class, AssessmentEvent.class);
    }

    @Test
    void givenAnyAssessmentEventType_thenDirectReplayTakesIt() {
        AssessmentAggregate aggregate = new AssessmentAggregate();
        assertThat(aggregate.replays(AssessmentStarted.class)).isTrue();
        assertThat(aggregate.replays(jp.hyoka.domain.assessment.event.ItemAnswered.class)).isTrue();
        assertThat(aggregate.replays(String.class)).isFalse();
    }

    private static Class<?> payloadType(Method handler) {
        return handler.getParameterTypes()[0];
    }
}
