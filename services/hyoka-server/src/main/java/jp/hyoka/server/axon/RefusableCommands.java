package jp.hyoka.server.axon;

import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.Rejection;
import jp.hyoka.server.availability.ConnectionFailures;
import jp.hyoka.server.availability.DatabaseUnavailable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.LongSupplier;

/**
 * Sending a command whose refusal is an answer, not an error, and waiting until the read model shows what it stored
 * (read-your-writes), for the aggregates beside the assessment's (threads, the 重大事故 log). An outage while the
 * command is out is {@link DatabaseUnavailable} (its commit may have happened); an outage during the wait only
 * means the result is not visible yet.
 */
public final class RefusableCommands {

    /** What became of a command: its handler's answer, or the domain's refusal. */
    public sealed interface Sent<R> permits Done, Refused {
    }

    public record Done<R>(R answer) implements Sent<R> {
    }

    public record Refused<R>(Rejection rejection) implements Sent<R> {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RefusableCommands.class);

    private RefusableCommands() {
    }

    public static <R> Sent<R> send(CommandGateway gateway, Object command) {
        try {
            return new Done<>(gateway.sendAndWait(command));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CommandRejected rejected) {
                    return new Refused<>(rejected.rejection());
                }
            }
            if (ConnectionFailures.causedBy(e)) {
                throw DatabaseUnavailable.whileSending(e);
            }
            throw e;
        }
    }

    /** Waits until {@code projected} reaches {@code revision}; logs (never fails) when it does not in time. */
    public static void awaitVisible(ReadModelCatchUp catchUp, LongSupplier projected, long revision, Object what) {
        try {
            if (!catchUp.await(projected, revision)) {
                LOG.warn("The read model did not reach revision {} of {} in time", revision, what);
            }
        } catch (RuntimeException e) {
            if (!ConnectionFailures.causedBy(e)) {
                throw e;
            }
            LOG.warn("Stored revision {} of {}; the database failed during the wait", revision, what);
        }
    }
}
