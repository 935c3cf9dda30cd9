package jp.hyoka.server.bench;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Observes, without changing it, when a command's handling starts and when its unit of work has committed (the
 * events and the JDBC transaction that holds them are durable). The command bus handles a command in the sending
 * thread, so the marks are kept per thread and read by the same thread right after the import returns.
 */
final class CommitClock implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Nanosecond marks of the last command handled on this thread: [0] handling started, [1] committed. */
    private final ThreadLocal<long[]> marks = ThreadLocal.withInitial(() -> new long[2]);

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        long[] last = marks.get();
        last[0] = System.nanoTime();
        last[1] = 0;
        unitOfWork.afterCommit(committed -> last[1] = System.nanoTime());
        return chain.proceed();
    }

    /** Clears this thread's marks before an import. */
    void reset() {
        long[] last = marks.get();
        last[0] = 0;
        last[1] = 0;
    }

    long handlingStarted() {
        return marks.get()[0];
    }

    long committed() {
        return marks.get()[1];
    }
}
