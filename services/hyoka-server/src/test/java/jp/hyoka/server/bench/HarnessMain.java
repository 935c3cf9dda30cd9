package jp.hyoka.server.bench;

import java.util.function.Consumer;

/** A harness's {@code main}: progress lines as {@code [bench] …}, then the report; exit status 1 on any failure. */
final class HarnessMain {

    /** Runs a harness, given where its progress goes, and answers its rendered report. */
    interface Harness {
        String run(Consumer<String> progress) throws Exception;
    }

    private HarnessMain() {
    }

    static void run(Harness harness) {
        int status = 0;
        try {
            String report = harness.run(line -> System.out.println("[bench] " + line));
            System.out.println();
            System.out.print(report);
        } catch (Throwable failure) {
            failure.printStackTrace();
            status = 1;
        }
        System.out.flush();
        // Also ends the JVM when a failure left Axon's threads running; zonky's shutdown hook stops PostgreSQL.
        System.exit(status);
    }
}
