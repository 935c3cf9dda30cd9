package jp.hyoka.server.integration;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads the relay's next batch while it sends the one before (the read was the longest step the relay thread waited
 * on: the query, then decoding 500 rows), and builds its records. A read ahead is keyed by the cursor it read after and is used only by a
 * call for that same cursor; otherwise it is waited for and dropped. A read done early is as true as one done later:
 * rows after the cursor are never marked meanwhile (only sent rows are), and rows committed meanwhile come with the
 * next read. Both threads use the relay's lock connection, never at once: a read runs only while no other is running.
 */
final class ReadAhead implements AutoCloseable {

    /** Rows read, and the records they are sent as (built on the reader thread too: the relay thread only sends). */
    record Batch(List<OutboxRow> rows, List<ProducerRecord<String, byte[]>> records) {

        static Batch read(Connection connection, long cursor, int limit) throws SQLException {
            List<OutboxRow> rows = OutboxTable.waiting(connection, cursor, limit);
            return new Batch(rows, rows.stream().map(CloudEventRecords::of).toList());
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }

        long lastPosition() {
            return rows.get(rows.size() - 1).position();
        }
    }

    private final ExecutorService thread = RelayThreads.single("outbox-relay-reader");
    private Future<Batch> ahead;
    private long aheadCursor;

    /** The waiting rows after {@code cursor}: those read ahead for it, else read now. */
    Batch next(Connection connection, long cursor, int limit) throws SQLException, InterruptedException {
        if (ahead != null && aheadCursor == cursor) {
            Future<Batch> read = ahead;
            ahead = null;
            return result(read);
        }
        discard();
        return Batch.read(connection, cursor, limit);
    }

    /** Starts reading the rows after {@code cursor} on the reader thread; a read ahead not taken is dropped first. */
    void readAfter(Connection connection, long cursor, int limit) throws InterruptedException {
        discard();
        aheadCursor = cursor;
        ahead = thread.submit(() -> Batch.read(connection, cursor, limit));
    }

    /** Waits for a read ahead to finish and drops it (the connection is free for other statements afterwards). */
    void discard() throws InterruptedException {
        if (ahead != null) {
            try {
                ahead.get();
            } catch (ExecutionException e) {
                // dropped: its failure does not matter, the next statement on the connection shows a real one
            }
            ahead = null;
        }
    }

    private static Batch result(Future<Batch> read) throws SQLException, InterruptedException {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops the reader; a read still running is waited for briefly (the connection is closed after this). */
    @Override
    public void close() {
        RelayThreads.stop(thread);
    }
}
