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
 * on: the query, then decoding the rows), and builds its records. Every read takes the lowest waiting rows the relay
 * has not sent ({@link SentRows}), whatever their position: the ranges to read are taken when the read is asked for,
 * after the batch before was added to the sent rows. A read done early is as true as one done later for the order
 * of one municipality's rows: a row of it that commits meanwhile stands after every row of it the early read saw
 * (its positions follow its commits), so it can come with the next read. Both threads use the relay's lock
 * connection, never at once: a read runs only while no other is running.
 */
final class ReadAhead implements AutoCloseable {

    /** Rows read, and the records they are sent as (built on the reader thread too: the relay thread only sends). */
    record Batch(List<OutboxRow> rows, List<ProducerRecord<String, byte[]>> records) {

        static Batch read(Connection connection, SentRows.Unsent unsent, int limit) throws SQLException {
            List<OutboxRow> rows = OutboxTable.waiting(connection, unsent, limit);
            return new Batch(rows, rows.stream().map(CloudEventRecords::of).toList());
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    private final ExecutorService thread = RelayThreads.single("outbox-relay-reader");
    private final SentRows sent;
    private Future<Batch> ahead;

    ReadAhead(SentRows sent) {
        this.sent = sent;
    }

    /** The lowest waiting rows not sent: those read ahead, else read now. */
    Batch next(Connection connection, int limit) throws SQLException, InterruptedException {
        if (ahead != null) {
            Future<Batch> read = ahead;
            ahead = null;
            return result(read);
        }
        return Batch.read(connection, sent.unsent(), limit);
    }

    /** Starts reading the lowest waiting rows not sent (as of now) on the reader thread. */
    void readAhead(Connection connection, int limit) throws InterruptedException {
        discard();
        SentRows.Unsent unsent = sent.unsent();
        ahead = thread.submit(() -> Batch.read(connection, unsent, limit));
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
