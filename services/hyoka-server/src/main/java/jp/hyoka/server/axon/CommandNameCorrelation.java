package jp.hyoka.server.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * Puts the name of the command being handled (AnswerItem, ImportDocument …) into the metadata of every event it
 * causes, so the audit trail can say which command an event came from: one import causes hundreds of events.
 */
public final class CommandNameCorrelation implements CorrelationDataProvider {

    public static final String KEY = "command";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof CommandMessage<?> command
                ? Map.of(KEY, command.getPayloadType().getSimpleName()) : Map.of();
    }
}
