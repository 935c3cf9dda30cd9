package jp.hyoka.server.assessment;

import jp.hyoka.domain.assessment.event.AssessmentEvent;
import jp.hyoka.server.axon.WholeCommands;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WholeCommands} projects a command when its last event reaches the read-model processor, and Axon drops
 * events none of the processor's handlers takes before any interceptor sees them. So every assessment event must
 * have a read-model handler, or a command ending with a new kind of event would never be projected.
 */
class ReadModelHandlersTest {

    @Test
    void givenEveryKindOfAssessmentEvent_whenTheReadModelHandlersAreListed_thenTheDocumentProjectionTakesEachOfThem() {
        Set<Class<?>> handled = Arrays.stream(AssessmentDocumentProjection.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(Method::getParameterTypes)
                .map(parameters -> parameters[0])
                .collect(Collectors.toSet());

        assertThat(handled).containsAll(Arrays.asList(AssessmentEvent.class.getPermittedSubclasses()));
    }
}
