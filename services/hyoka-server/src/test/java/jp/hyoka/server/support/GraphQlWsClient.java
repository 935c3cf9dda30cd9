package jp.hyoka.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code graphql-ws} npm client (the library Apollo Client and Relay use), run by Node from
 * {@code src/test/node/graphql-ws-client.mjs}: a real client of the server's WebSocket, not our idea of the protocol.
 * Commands go to its stdin, its events (connected, next, error, complete, closed with the close code) come back as
 * JSON lines. The first use installs the pinned packages ({@code npm ci}, from package-lock.json) when missing.
 */
public final class GraphQlWsClient implements AutoCloseable {

    private static final Path CLIENT_DIR = Path.of("src", "test", "node");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    /** Received, not yet taken by an {@link #await} (a later await may want them: events of several ids interleave). */
    private final List<JsonNode> unmatched = new ArrayList<>();

    private GraphQlWsClient(URI server, String token, boolean raw) {
        NodeProjects.installOnce(CLIENT_DIR, "graphql-ws");
        String url = "ws://" + server.getHost() + ":" + server.getPort() + "/graphql/ws";
        List<String> command = new ArrayList<>(List.of("node", "graphql-ws-client.mjs", url,
                token == null ? "-" : token));
        if (raw) {
            command.add("raw");
        }
        try {
            process = new ProcessBuilder(command).directory(CLIENT_DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "graphql-ws-client-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** A client that sends connection_init with {@code token} (null: none) at once. */
    public static GraphQlWsClient connect(URI server, String token) {
        return new GraphQlWsClient(server, token, false);
    }

    /** A bare socket with the subprotocol that never sends connection_init. */
    public static GraphQlWsClient silent(URI server) {
        return new GraphQlWsClient(server, null, true);
    }

    public void subscribe(String id, String query, Map<String, Object> variables) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("op", "subscribe");
        command.put("id", id);
        command.put("query", query);
        command.put("variables", variables);
        send(command);
    }

    public void complete(String id) {
        send(Map.of("op", "complete", "id", id));
    }

    /** The first event not yet taken of type {@code event} matching {@code test}, within {@code timeout}. */
    public JsonNode await(String event, Predicate<JsonNode> test, Duration timeout) {
        Predicate<JsonNode> wanted = next -> next.path("event").asText().equals(event) && test.test(next);
        for (JsonNode earlier : unmatched) {
            if (wanted.test(earlier)) {
                unmatched.remove(earlier);
                return earlier;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                JsonNode next = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no '" + event + "' event within " + timeout + "; seen: " + seen);
                }
                seen.add(next);
                if (wanted.test(next)) {
                    return next;
                }
                unmatched.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public JsonNode await(String event, Duration timeout) {
        return await(event, any -> true, timeout);
    }

    /** Nothing but {@code allowed} events arrives for {@code duration} (nor is left from before). */
    public void assertNothingFor(Duration duration, Predicate<JsonNode> allowed) throws InterruptedException {
        unmatched.forEach(earlier -> assertThat(allowed.test(earlier)).as("unexpected event %s", earlier).isTrue());
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode next = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next != null) {
                seen.add(next);
                assertThat(allowed.test(next)).as("unexpected event %s", next).isTrue();
            }
        }
    }

    /** Every event received so far, in order. */
    public List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    private void send(Map<String, Object> command) {
        try {
            commands.write(JSON.writeValueAsString(command) + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                events.add(JSON.readTree(line));
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void close() {
        try {
            send(Map.of("op", "exit"));
        } catch (UncheckedIOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
