package jp.hyoka.server.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * The benchmark's measuring discipline: the product and its ceiling measured back to back in each round (odd rounds
 * the ceiling first, so that drift favours neither), the figures and the per-round ratios kept, medians reported;
 * and the two ways of driving a side: clients in a closed loop for a while (operations/s) and one client (latencies).
 */
final class Interleaved {

    private Interleaved() {
    }

    /** One side of a round: a figure (operations/s, milliseconds, MB...). */
    @FunctionalInterface
    interface Side {
        double measure() throws Exception;
    }

    /** One client's next operation; a client's state (its document, its revision) lives in the object. */
    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    record Measured(List<Double> product, List<Double> ceiling) {
        List<Double> ratios() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < product.size(); i++) {
                ratios.add(product.get(i) / ceiling.get(i));
            }
            return ratios;
        }

        double productMedian() {
            return median(product);
        }

        double ceilingMedian() {
            return median(ceiling);
        }

        double ratio() {
            return median(ratios());
        }
    }

    static Measured rounds(int rounds, Side product, Side ceiling) throws Exception {
        List<Double> products = new ArrayList<>();
        List<Double> ceilings = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            if (round % 2 == 1) {
                ceilings.add(ceiling.measure());
                products.add(product.measure());
            } else {
                products.add(product.measure());
                ceilings.add(ceiling.measure());
            }
        }
        return new Measured(products, ceilings);
    }

    /** Operations/s of {@code clients} threads, each running its own operation in a loop for {@code time}. */
    static double perSecond(int clients, Duration time, IntFunction<Operation> clientOperation) throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            operations.add(clientOperation.apply(client));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        try {
            long start = System.nanoTime();
            List<Future<Long>> counts = new ArrayList<>();
            for (Operation operation : operations) {
                counts.add(pool.submit(() -> {
                    long done = 0;
                    while (!stop.get()) {
                        operation.run();
                        done++;
                    }
                    return done;
                }));
            }
            Thread.sleep(time.toMillis());
            stop.set(true);
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client, one operation after the other for {@code time} (at least 5): the median latency in ms. */
    static double p50Millis(Duration time, Operation operation) throws Exception {
        List<Double> millis = new ArrayList<>();
        long end = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < end || millis.size() < 5) {
            long start = System.nanoTime();
            operation.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return median(millis);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static double percentile(List<Double> values, double fraction) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }
}
