package jp.hyoka.server.integration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Marks acknowledged rows published on a thread and connection of its own, so that the relay goes on reading and
 * sending meanwhile (a database round trip per batch the relay need not wait for). Batches acknowledged while a mark
 * is running are marked together by the next one: one statement and one durable commit for all of them, so that a
 * slow commit (a busy disk) makes marks larger instead of making them queue up. Only rows the broker acknowledged are
 * ever marked, so a mark is true whoever makes it; a mark that fails leaves its rows to be sent again (same ids:
 * consumers deduplicate). Once a mark is over (committed or failed) its rows are no longer {@link SentRows}: only then
 * may a read take their queue entries for unsent again.
 */
final class Marker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Marker.class);

    private final DataSource dataSource;
    private final SentRows sent;
    private final ExecutorService thread = RelayThreads.single("outbox-relay-marker");
    private final AtomicInteger pending = new AtomicInteger();
    /** Acknowledged rows no mark has taken yet (guarded by itself). */
    private final List<OutboxRow> waiting = new ArrayList<>();

    Marker(DataSource dataSource, SentRows sent) {
        this.dataSource = dataSource;
        this.sent = sent;
    }

    /** Marks the rows published, later; counts them into {@code published} once marked. */
    void mark(List<OutboxRow> rows, AtomicLong published) {
        if (rows.isEmpty()) {
            return;
        }
        pending.incrementAndGet();
        synchronized (waiting) {
            waiting.addAll(rows);
        }
        thread.execute(() -> {
            List<OutboxRow> taken;
            synchronized (waiting) {
                taken = new ArrayList<>(waiting);
                waiting.clear();
            }
            try {
                if (!taken.isEmpty()) {            // empty: an earlier task took these rows with its own
                    markNow(taken, published);
                    sent.forget(taken);
                }
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    private void markNow(List<OutboxRow> rows, AtomicLong published) {
        try (Connection connection = dataSource.getConnection()) {
            OutboxTable.markPublished(connection, rows);
            published.addAndGet(rows.size());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Outbox relay: {} acknowledged row(s) could not be marked published ({}); they will be sent "
                    + "again", rows.size(), e.toString());
        }
    }

    /** No mark is waiting or running. */
    boolean idle() {
        return pending.get() == 0;
    }

    /** Waits until every mark asked for is done. */
    void drain() throws InterruptedException {
        while (!idle()) {
            Thread.sleep(2);
        }
    }

    @Override
    public void close() {
        RelayThreads.stop(thread);
    }
}
