package jp.hyoka.server.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What PostgreSQL's client backends of the benchmark's database are doing, sampled every few milliseconds from
 * {@code pg_stat_activity} (state and wait event: a lock, the WAL's flush, the client's next message …) and
 * {@code pg_locks} (the locks waited for, by type and relation): where a line with many clients waits
 * (infra/docs/edit-path.md). A connection of its own, outside the server's pool; its own backend is left out.
 */
final class WaitSampler implements AutoCloseable {

    private static final String ACTIVITY = """
            SELECT coalesce(state, '?') || ' ' || coalesce(wait_event_type || ':' || wait_event, 'on CPU')
            FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND backend_type = 'client backend'""";
    private static final String LOCK_WAITS = """
            SELECT l.locktype || ' ' || coalesce(c.relname, '') || ' ' || l.mode FROM pg_locks l
            LEFT JOIN pg_class c ON c.oid = l.relation WHERE NOT l.granted""";

    private final Map<String, Integer> activity = new TreeMap<>();
    private final Map<String, Integer> lockWaits = new TreeMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread sampler;
    private int samples;

    WaitSampler(BenchDatabase database) {
        sampler = new Thread(() -> sample(database), "wait-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample(BenchDatabase database) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password());
             PreparedStatement backends = connection.prepareStatement(ACTIVITY);
             PreparedStatement locks = connection.prepareStatement(LOCK_WAITS)) {
            while (!stop.get()) {
                count(backends, activity);
                count(locks, lockWaits);
                synchronized (this) {
                    samples++;
                }
                Thread.sleep(5);
            }
        } catch (Exception e) {
            throw new IllegalStateException("sampling pg_stat_activity failed", e);
        }
    }

    private synchronized void count(PreparedStatement query, Map<String, Integer> into) throws Exception {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                into.merge(rows.getString(1), 1, Integer::sum);
            }
        }
    }

    /** Per kind, the mean number of backends in it per sample (e.g. "active Lock:tuple 9.1"), most first. */
    synchronized String report() {
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT, "%d samples; backends by state and "
                + "wait (mean per sample):", samples));
        append(text, activity);
        text.append("; lock waits (mean per sample):");
        append(text, lockWaits);
        return text.toString();
    }

    private void append(StringBuilder text, Map<String, Integer> counts) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(kind -> text.append(String.format(java.util.Locale.ROOT, " [%s] %.2f", kind.getKey(),
                        kind.getValue() / (double) Math.max(1, samples))));
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        sampler.join(5_000);
    }
}
