package jp.hyoka.server.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import org.axonframework.messaging.unitofwork.UnitOfWork;

final class Spans {

    private Spans() {
    }

    /** Marks the span failed with the failure's type only: a message may quote what a user typed. */
    static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure == null ? "failed" : failure.getClass().getSimpleName());
    }

    /** Ends the span when the unit of work is done, failed if it rolled back. */
    static void endWith(UnitOfWork<?> unitOfWork, Span span) {
        unitOfWork.onRollback(rolledBack -> failed(span, rolledBack.getExecutionResult() == null ? null
                : rolledBack.getExecutionResult().getExceptionResult()));
        unitOfWork.onCleanup(done -> span.end());
    }
}
