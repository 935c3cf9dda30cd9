package jp.hyoka.server.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.sql.Connection;
import java.sql.Statement;

/**
 * The read-model processor's batches commit without waiting for their WAL flush: {@code synchronous_commit} is off
 * for each batch's transaction ({@code SET LOCAL}, the batch's own connection; nothing else is affected).
 *
 * <p>Why (issue 22, infra/docs/edit-path.md): every edit waits for its read models (read-your-writes), so an edit had
 * two durable commits in series, its own and the processor's; the profile of one edit showed the processor's flush
 * as the largest single wait of the read-your-writes wait (3–14 ms on the shared machine). BENCHMARKS.md allows
 * {@code synchronous_commit=off} for rebuildable read models, and this batch writes nothing else that a crash could
 * lose for good: the read-model rows, the processor's token and rows derived from events (ProposalOutbox) commit
 * together, and PostgreSQL recovers an asynchronous commit whole or not at all, so a crash of the database within
 * its WAL writer's delay (at most ~0.6 s) moves the token back with the rows and the processor projects those events
 * again. The events themselves are committed durably by the command before this batch starts. Anything durable that
 * saw such a batch (the outbox relay marking a row sent, a later command) flushes it with its own commit, since
 * PostgreSQL's WAL is written in order.
 *
 * <p>The processor keeps its position in memory, so after PostgreSQL alone crashed it would carry on past a lost
 * batch (CrashRecoveryIT caught exactly that): {@link OwnClaimTokenStore} notices at the next batch's first statement
 * (or within the processor's idle second) that the stored token is behind the last one this node stored, and the
 * processor reopens its stream from the stored token and projects the lost events again.
 *
 * <p>What a database crash can show: a client that read its edit in the read models before the crash may, for the
 * moment the processor needs to project it again, read the document without it (the edit itself stands).
 */
final class AsynchronousReadModelCommit implements MessageHandlerInterceptor<EventMessage<?>> {

    /** The statement each batch sends first; tests look for it. */
    static final String STATEMENT = "SET LOCAL synchronous_commit TO off";

    private static final String SET = AsynchronousReadModelCommit.class.getName() + ".set";

    private final AxonConnections connections;

    AsynchronousReadModelCommit(AxonConnections connections) {
        this.connections = connections;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        if (batch.resources().putIfAbsent(SET, Boolean.TRUE) == null) {
            // The unit of work's connection (AxonConnections): the one its rows, its token and its commit use.
            try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(STATEMENT);
            }
        }
        return chain.proceed();
    }
}
