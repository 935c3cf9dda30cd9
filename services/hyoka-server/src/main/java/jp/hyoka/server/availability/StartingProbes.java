package jp.hyoka.server.availability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The probes' answers while the server starts and its HTTP server is not yet listening (Micronaut opens the port
 * only once every eager bean is built, the Flyway migration among them): on the server's own port, liveness UP,
 * readiness DOWN, anything else 503 with Retry-After. Without it a long migration looks like a dead process (no
 * answer at all) and a liveness probe would restart it half way, again and again. Closed before Micronaut takes the
 * port. Not opened for a random port (0 or -1: tests), which no probe could know.
 */
public final class StartingProbes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartingProbes.class);
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOWN = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);

    private final Optional<HttpServer> server;

    private StartingProbes(Optional<HttpServer> server) {
        this.server = server;
    }

    /** Answers on {@code port} until closed; nothing if the port is random or taken (then the start fails later). */
    public static StartingProbes open(int port) {
        if (port <= 0) {
            return new StartingProbes(Optional.empty());
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
            server.createContext("/", StartingProbes::answer);
            server.start();
            return new StartingProbes(Optional.of(server));
        } catch (IOException e) {
            LOG.warn("No start-up probes on port {}: {}", port, e.toString());
            return new StartingProbes(Optional.empty());
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        boolean live = exchange.getRequestURI().getPath().equals("/health/liveness");
        byte[] body = live ? UP : DOWN;
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (!live) {
            exchange.getResponseHeaders().set("Retry-After", "5");
        }
        exchange.sendResponseHeaders(live ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.ifPresent(open -> open.stop(0));
    }
}
