package jp.hyoka.server.axon;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.StaleRevision;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class CommandMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CommandMetrics metrics = new CommandMetrics(registry);

    /** A command of our own, as the bus sees it: its payload's simple name is the tag. */
    private record AnswerItem(String text) {
    }

    @Test
    void givenARejection_whenReported_thenRefusedWithTheRejectionsCode() {
        metrics.onMessageIngested(GenericCommandMessage.asCommandMessage(new AnswerItem("x")))
                .reportFailure(new RuntimeException(new CommandRejected(new StaleRevision("a", 1, 2))));

        assertThat(count("AnswerItem", "refused", "STALE_REVISION")).isEqualTo(1);
    }

    @Test
    void givenARaceLostToAnotherNode_whenReported_thenRefusedAsAStaleRevisionAsTheCallerIsTold() {
        metrics.onMessageIngested(GenericCommandMessage.asCommandMessage(new AnswerItem("x")))
                .reportFailure(new ConcurrencyException("appended first elsewhere"));

        assertThat(count("AnswerItem", "refused", "STALE_REVISION")).isEqualTo(1);
    }

    @Test
    void givenAFault_whenReported_thenFailedWithTheExceptionsName() {
        metrics.onMessageIngested(GenericCommandMessage.asCommandMessage(new AnswerItem("x")))
                .reportFailure(new UncheckedIOException(new IOException("disk")));

        assertThat(count("AnswerItem", "failed", "UncheckedIOException")).isEqualTo(1);
    }

    @Test
    void givenSuccess_whenReported_thenAcceptedWithoutAProblem() {
        metrics.onMessageIngested(GenericCommandMessage.asCommandMessage(new AnswerItem("x"))).reportSuccess();

        assertThat(count("AnswerItem", "accepted", "none")).isEqualTo(1);
    }

    @Test
    void givenTheSameOutcomeTwice_whenReported_thenOneTimerCountsBoth() {
        metrics.onMessageIngested(GenericCommandMessage.asCommandMessage(new AnswerItem("x"))).reportSuccess();
        metrics.onMessageIngested(GenericCommandMessage.asCommandMessage(new AnswerItem("y"))).reportSuccess();
        metrics.onMessageIngested(GenericCommandMessage.asCommandMessage(new AnswerItem("z")))
                .reportFailure(new ConcurrencyException("appended first elsewhere"));

        assertThat(count("AnswerItem", "accepted", "none")).isEqualTo(2);
        assertThat(count("AnswerItem", "refused", "STALE_REVISION")).isEqualTo(1);
        assertThat(registry.find(CommandMetrics.NAME).timers()).hasSize(2);
    }

    private long count(String command, String outcome, String problem) {
        var timer = registry.find(CommandMetrics.NAME)
                .tags("command", command, "outcome", outcome, "problem", problem).timer();
        return timer == null ? 0 : timer.count();
    }
}
