package jp.hyoka.server.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Collection;
import java.util.List;

/**
 * One request being served, on its thread ({@link ObservedRequests#open}); closing it logs the request's one line,
 * ends its span and clears the thread's MDC. The line holds identifiers, the status and the error codes: never the
 * document, the variables or a header, whatever the operation.
 */
public final class ObservedRequest implements AutoCloseable {

    /** The request log: one line per GraphQL request (INFO). */
    static final Logger LOG = LoggerFactory.getLogger("hyoka.requests");

    private final Span span;
    private final Scope scope;
    private final long started = System.nanoTime();
    private String operation = "unknown operation";
    private int status = 200;
    private Collection<String> errorCodes = List.of();

    ObservedRequest(Span span, Scope scope) {
        this.span = span;
        this.scope = scope;
    }

    /** The 地方公共団体コード the verified caller acts for. */
    public void municipality(String code) {
        MDC.put(RequestContext.MUNICIPALITY, code);
        span.setAttribute(Attributes.MUNICIPALITY, code);
    }

    /** @param type query or mutation; @param name the operation's name, or its root fields when it has none */
    public void operation(String type, String name) {
        MDC.put(RequestContext.OPERATION, name);
        operation = type + " " + name;
        span.updateName(operation);
        span.setAttribute(Attributes.OPERATION_TYPE, type);
        span.setAttribute(Attributes.OPERATION, name);
    }

    /**
     * An unexpected failure, under the id the client is told: in the MDC from now to the request's end (the line
     * that logs the failure and the request's line carry it) and on the request's span.
     */
    public static void incident(String incident) {
        MDC.put(RequestContext.INCIDENT, incident);
        Span.current().setAttribute(Attributes.INCIDENT, incident);
    }

    public void answered(int status, Collection<String> errorCodes) {
        this.status = status;
        this.errorCodes = errorCodes;
    }

    @Override
    public void close() {
        long millis = (System.nanoTime() - started) / 1_000_000;
        span.setAttribute("http.response.status_code", status);
        if (status >= 500 || errorCodes.contains("INTERNAL")) {
            span.setStatus(StatusCode.ERROR);
        }
        if (errorCodes.isEmpty()) {
            LOG.info("{}: {} in {} ms", operation, status, millis);
        } else {
            LOG.info("{}: {} in {} ms, errors {}", operation, status, millis, errorCodes);
        }
        span.end();
        if (scope != null) {
            scope.close();
        }
        MDC.clear();
    }
}
