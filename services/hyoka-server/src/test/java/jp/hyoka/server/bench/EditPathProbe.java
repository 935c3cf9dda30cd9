package jp.hyoka.server.bench;

import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.support.TestDatabase;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the PostgreSQL round trips of one edit (infra/docs/edit-path.md): pgjdbc logs every protocol message at
 * FINEST; each {@code Sync} ends one round trip. Edits in-process ({@code Editing.answer}) and over HTTP (answerItem,
 * read-your-writes included), per thread group (the request's thread, the read-model processor, the rest).
 *
 * <pre>infra/scripts/run-harness.sh jp.hyoka.server.bench.EditPathProbe [edits] [timing]</pre>
 * ({@code timing}: p50 latencies only, without the driver's log, which slows every statement)
 */
public final class EditPathProbe {

    private static final Map<String, LongAdder> ROUND_TRIPS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> STATEMENTS = new ConcurrentHashMap<>();

    private EditPathProbe() {
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.setProperty(TestDatabase.DURABLE_PROPERTY, "true");
        BenchDatabase created = BenchDatabase.create(true);
        // Every statement parsed each time, so that each round trip's SQL shows in the driver's log.
        BenchDatabase database = new BenchDatabase(created.url() + (created.url().contains("?") ? "&" : "?")
                + "prepareThreshold=0", created.user(), created.password(), created.description());
        try (ProductServer server = new ProductServer(database)) {
            MunicipalityCode tenant = server.tenant(0);
            ProductServer.InProcessEditor direct = new ProductServer.InProcessEditor(
                    server.context(), ProductServer.caller(tenant, "probe-direct"));
            ProductServer.Editor http = server.httpEditor(tenant, "probe-http");
            for (int i = 0; i < 100; i++) {                               // warm-up
                direct.commit();
                direct.edit();
                http.edit();
            }
            Thread.sleep(1500);
            if (!(args.length > 1 && args[1].equals("timing"))) {     // "timing": latencies without the log's cost
                Logger driver = Logger.getLogger("org.postgresql");
                driver.setLevel(Level.FINEST);
                driver.addHandler(new Counter());
            }
            report("command in → commit (CommandGateway, no read-your-writes)", edits, direct::commit);
            report("in-process (Editing.answer)", edits, direct::edit);
            report("over HTTP (answerItem + read-your-writes)", edits, http::edit);
        }
        System.exit(0);
    }

    private static void report(String what, int edits, Interleaved.Operation edit) throws Exception {
        Thread.sleep(1200);
        ROUND_TRIPS.clear();
        STATEMENTS.clear();
        double[] took = new double[edits];
        for (int i = 0; i < edits; i++) {
            long began = System.nanoTime();
            edit.run();
            took[i] = (System.nanoTime() - began) / 1e6;
        }
        java.util.Arrays.sort(took);
        double millis = took[edits / 2];
        Thread.sleep(300);                                                 // the processor's last batch
        Map<String, Double> perEdit = new TreeMap<>();
        ROUND_TRIPS.forEach((group, count) -> perEdit.put(group, count.doubleValue() / edits));
        System.out.printf("[probe] %s: p50 %.2f ms/edit, round trips per edit %s, total %.1f%n", what, millis, perEdit,
                perEdit.values().stream().mapToDouble(Double::doubleValue).sum());
        STATEMENTS.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .forEach(statement -> System.out.printf("[probe]   %6.2f  %s%n",
                        statement.getValue().doubleValue() / edits, statement.getKey()));
    }

    /** Round trips ({@code FE=> Sync}) by thread group. */
    private static final class Counter extends Handler {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            String group = group(Thread.currentThread().getName());
            if (message != null && message.contains("FE=> Sync")) {
                ROUND_TRIPS.computeIfAbsent(group, g -> new LongAdder()).increment();
            } else if (message != null && message.contains("FE=> Parse")) {
                String sql = (record.getParameters() != null && record.getParameters().length > 1
                        ? String.valueOf(record.getParameters()[1]) : message).replaceAll("\\s+", " ");
                STATEMENTS.computeIfAbsent(group + ": " + sql.substring(0, Math.min(110, sql.length())),
                        g -> new LongAdder()).increment();
            }
        }

        private static String group(String thread) {
            return thread.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+", "N");
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
