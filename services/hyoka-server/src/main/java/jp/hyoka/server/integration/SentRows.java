package jp.hyoka.server.integration;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The positions the relay has sent and not yet seen marked: every read leaves them out and takes the lowest waiting
 * rows among all the others, below them as well as above them. That is what keeps one municipality's rows in order
 * (infra/docs/guarantees.md): a row that committed after the relay had read past its position (late) is read with the
 * next batch, before any row above it, instead of after the rows that followed it. A position leaves this set only
 * after its mark has committed (or failed: the row is then read and sent again, same id), so a read that no longer
 * leaves it out no longer sees its queue entry either. Shared by the relay thread (adds what it sends), the reader
 * (asks for the ranges to read) and the marker (forgets what it marked).
 */
final class SentRows {

    /** The position ranges to read, inclusive: {@code from[i]..to[i]}, ascending, none containing a sent position. */
    record Unsent(long[] from, long[] to) {
    }

    private final TreeSet<Long> sent = new TreeSet<>();

    synchronized void add(List<OutboxRow> rows) {
        rows.forEach(row -> sent.add(row.position()));
    }

    /** Called once the rows' mark is over: their queue entries are gone (or stay, to be sent again). */
    synchronized void forget(List<OutboxRow> rows) {
        rows.forEach(row -> sent.remove(row.position()));
    }

    synchronized void clear() {
        sent.clear();
    }

    /**
     * Everything but the sent positions: below the lowest, between them, above the highest. A backlog's batches are
     * consecutive positions, so usually two ranges; a gap between sent positions (a row not committed when its
     * neighbours were read, a rolled-back insert) is a range of its own.
     */
    synchronized Unsent unsent() {
        long[] from = new long[sent.size() + 1];
        long[] to = new long[sent.size() + 1];
        int ranges = 0;
        long next = Long.MIN_VALUE;
        for (long position : sent) {
            if (position > next) {
                from[ranges] = next;
                to[ranges++] = position - 1;
            }
            next = position + 1;
        }
        from[ranges] = next;
        to[ranges++] = Long.MAX_VALUE;
        return new Unsent(Arrays.copyOf(from, ranges), Arrays.copyOf(to, ranges));
    }
}
