package jp.hyoka.server.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A span per handled command ({@code command AnswerItem}), a child of the request's: the command bus handles it on
 * the request's thread. It lasts until the command's unit of work is cleaned up, so it covers the append, which
 * Axon does when the unit of work commits, after the handler returned.
 */
public final class TracedCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Tracing tracing;

    public TracedCommands(Tracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!tracing.on()) {
            return chain.proceed();
        }
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        var builder = tracing.tracer().spanBuilder("command " + command).setAttribute(Attributes.COMMAND, command);
        String municipality = RequestContext.municipality();
        String operation = RequestContext.operation();
        if (municipality != null) {
            builder.setAttribute(Attributes.MUNICIPALITY, municipality);
        }
        if (operation != null) {
            builder.setAttribute(Attributes.OPERATION, operation);
        }
        Span span = builder.setParent(Context.current()).startSpan();
        Spans.endWith(unitOfWork, span);
        try (Scope scope = span.makeCurrent()) {
            return chain.proceed();
        }
    }
}
