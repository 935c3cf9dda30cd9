package jp.hyoka.server.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.hyoka.domain.rejection.CommandRejected;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every command the command bus handles, whoever sent it (the assessment host, shared components, onboarding), as
 * the timer {@code hyoka.commands} tagged with the command's simple name, its outcome (accepted, refused, failed)
 * and the problem: the rejection's code for a refusal ({@code STALE_REVISION}, {@code OPTION_NOT_ALLOWED} …), the
 * exception's simple name for a failure, {@code none} otherwise. Tags come only from our own classes and codes,
 * never from the caller's input, so their number stays bounded.
 */
final class CommandMetrics implements MessageMonitor<Message<?>> {

    static final String NAME = "hyoka.commands";

    private final MeterRegistry registry;
    private final Map<Tags, Timer> timers = new ConcurrentHashMap<>();

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        String command = message instanceof CommandMessage<?> sent ? sent.getPayloadType().getSimpleName() : "unknown";
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                record("accepted", "none");
            }

            @Override
            public void reportFailure(Throwable cause) {
                String code = rejectionCode(cause);
                record(code == null ? "failed" : "refused", code == null ? cause.getClass().getSimpleName() : code);
            }

            @Override
            public void reportIgnored() {
                record("ignored", "none");
            }

            private void record(String outcome, String problem) {
                timers.computeIfAbsent(new Tags(command, outcome, problem), CommandMetrics.this::timer)
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        };
    }

    /**
     * The timer of one set of tags, registered once: building and looking it up in the registry at every command (a
     * builder, an id, sorted tags) was a few percent of a command's CPU (BENCHMARKS.md row 1). The tags are bounded
     * (see above), and so is this map.
     */
    private Timer timer(Tags tags) {
        return Timer.builder(NAME)
                .description("Commands handled, by command, outcome and problem code")
                .tags("command", tags.command(), "outcome", tags.outcome(), "problem", tags.problem())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    private record Tags(String command, String outcome, String problem) {
    }

    /**
     * The code the caller is told, or null for a fault. A lost race between nodes (ConcurrencyException) is told as
     * a stale revision, and a missing aggregate as not found, as the command's sender reports them.
     */
    static String rejectionCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandRejected rejected) {
                return rejected.rejection().code();
            }
            if (cause instanceof ConcurrencyException) {
                return "STALE_REVISION";
            }
            if (cause instanceof AggregateNotFoundException) {
                return "NOT_FOUND";
            }
        }
        return null;
    }
}
