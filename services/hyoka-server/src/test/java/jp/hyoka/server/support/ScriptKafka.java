package jp.hyoka.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A broker run by the project's own {@code infra/kafka/start.sh} (a child JVM, data in {@code target/<name>}), for
 * tests that stop it and start it again on the same address with its data: {@link #stop()} and {@link #start()} call
 * the scripts, as an operator would. Stopped when the test JVM ends (the script also watches the JVM).
 */
public final class ScriptKafka implements AutoCloseable {

    private final Path script;
    private final Path instance;
    private final int port;
    private final int controllerPort;
    private boolean formatted;

    public ScriptKafka(String name) {
        this.script = ProjectScripts.find("infra/kafka/start.sh");
        this.instance = Path.of("target", name).toAbsolutePath();
        int[] ports = ProjectScripts.twoFreePorts();
        this.port = ports[0];
        this.controllerPort = ports[1];
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (with fresh data the first time, left over from an earlier run) and waits for its port. */
    public synchronized ScriptKafka start() {
        List<String> out = run(script, formatted ? List.of() : List.of("--fresh"));
        formatted = true;
        if (out.isEmpty() || !out.get(out.size() - 1).trim().equals(bootstrapServers())) {
            throw new IllegalStateException("infra/kafka/start.sh did not print " + bootstrapServers() + ": " + out);
        }
        return this;
    }

    /** Stops the broker (its data stays). */
    public void stop() {
        run(script.resolveSibling("stop.sh"), List.of());
    }

    @Override
    public void close() {
        stop();
    }

    private List<String> run(Path file, List<String> arguments) {
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.command().addAll(arguments);
        builder.environment().putAll(Map.of(
                "HYOKA_KAFKA_PORT", String.valueOf(port),
                "HYOKA_KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort),
                "HYOKA_KAFKA_INSTANCE", instance.toString(),
                "HYOKA_KAFKA_WATCH_PID", String.valueOf(ProcessHandle.current().pid())));
        try {
            Process process = builder.start();
            List<String> out;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out = reader.lines().toList();
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException(file + " failed; see " + instance.resolve("kafka.log"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
