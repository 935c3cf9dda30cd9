package jp.hyoka.server.observability;

import org.slf4j.MDC;

/**
 * The diagnostic context of the request a thread is working on, in the logging MDC, so every log line says whose
 * request it belongs to, and the spans and events of the command it sends can say so too (it runs on the same
 * thread). Only identifiers: a municipality's code and a GraphQL operation's name are public, what a user typed
 * or a token never goes here.
 */
public final class RequestContext {

    public static final String REQUEST_ID = "requestId";
    /** The 地方公共団体コード the caller acts for. */
    public static final String MUNICIPALITY = "municipality";
    public static final String OPERATION = "operation";
    /** The trace the request's spans belong to, when tracing is on. */
    public static final String TRACE_ID = "traceId";
    /** The id an INTERNAL error told the client, on the line that logs the failure. */
    public static final String INCIDENT = "incident";

    private RequestContext() {
    }

    public static String municipality() {
        return MDC.get(MUNICIPALITY);
    }

    public static String operation() {
        return MDC.get(OPERATION);
    }
}
