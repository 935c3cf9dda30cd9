package jp.hyoka.server.bench;

import jp.hyoka.server.support.ServerProcess;
import jp.hyoka.server.support.TestDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * BENCHMARKS.md row 9: the server started as a process of its own, as a deployment starts it ({@link ServerProcess}
 * through the launcher infra/scripts/server.sh: the jar + target/lib, jvm.options, the class-data archive, made
 * before the first timed start; a fresh database each time, so the start includes the Flyway migrations) timed from
 * the launcher's spawn to its first 200, and its RSS then (VmRSS of /proc/&lt;pid&gt;/status); beside it the bare JDK
 * HttpServer ({@link BareHttpServer}) started by the same java with the same JVM options (jvm.options) and measured
 * the same way.
 */
final class StartupRow {

    /** The JVM options the launcher starts the server with (jvm.options); the bare server gets the same. */
    static final List<String> JVM_OPTIONS = ServerProcess.deploymentJvmOptions();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Milliseconds to the first 200 and MB of RSS then. */
    record Start(double millis, double rssMegabytes) {
    }

    private StartupRow() {
    }

    static Start product() throws Exception {
        // Before the clock: the class-data archive of this build (once; a deployment makes it once per build, see
        // infra/scripts/server.sh) and the fresh database (the start migrates it).
        ServerProcess.makeArchive();
        ServerProcess.Config config = ServerProcess.external(TestDatabase.newDatabase(), TestDatabase.user(),
                TestDatabase.password()).name("bench-start");
        long start = System.nanoTime();
        try (ServerProcess server = config.spawn()) {
            // Polled as the bare server is (every 10 ms): ServerProcess.start() polls every 100 ms, which would add up
            // to 100 ms to this side only. The start-up probes answer 503 on the port until the server can serve.
            awaitOk(server.uri().resolve("/graphiql"), Duration.ofSeconds(90), server::isAlive);
            double millis = (System.nanoTime() - start) / 1e6;
            return new Start(millis, rssMegabytes(server.pid()));
        }
    }

    static Start bare() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", testClasses().toString(), BareHttpServer.class.getName(),
                Integer.toString(port)));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitOk(URI.create("http://localhost:" + port + "/"), Duration.ofSeconds(30), process::isAlive);
            double millis = (System.nanoTime() - start) / 1e6;
            return new Start(millis, rssMegabytes(process.pid()));
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private static void awaitOk(URI uri, Duration timeout, BooleanSupplier alive) throws Exception {
        HttpRequest probe = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("the process serving " + uri + " exited before its first 200");
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no 200 from " + uri + " within " + timeout);
            }
            Thread.sleep(10);
        }
    }

    static double rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static Path testClasses() {
        try {
            return Path.of(BareHttpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

}
