package jp.hyoka.server.integration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The relay's helper threads (the marker, the reader): one daemon thread each, stopped with the relay. */
final class RelayThreads {

    private RelayThreads() {
    }

    static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Lets what was asked for finish (bounded: the relay's connections close after this). */
    static void stop(ExecutorService thread) {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
