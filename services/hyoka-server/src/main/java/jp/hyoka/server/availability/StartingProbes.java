package jp.hyoka.server.availability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The probes' answers while the server starts and its HTTP server is not yet listening (Micronaut opens the port
 * only once every eager bean is built: the Flyway migration, Axon, the seeds): on the server's own port, liveness UP,
 * readiness DOWN, anything else 503 with Retry-After. Without it a long start looks like a dead process (no answer
 * at all) and a liveness probe would restart it half way, again and again. Opened before the migration (the
 * database factory asks for this bean), closed the moment Micronaut's HTTP server is created
 * ({@link StartingProbesHandover}), before it binds the port. Not opened on a random port (tests), which no probe
 * could know.
 */
@Singleton
public class StartingProbes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartingProbes.class);
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOWN = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;

    public StartingProbes(@Value("${micronaut.server.port:-1}") int port,
                          @Value("${micronaut.server.host:}") String host) {
        if (port <= 0) {
            return;
        }
        try {
            server = HttpServer.create(host.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(host, port),
                    16);
            server.createContext("/", StartingProbes::answer);
            server.start();
        } catch (IOException e) {
            // Taken: Micronaut's own bind will fail and say so.
            LOG.warn("No start-up probes on port {}: {}", port, e.toString());
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

    /** Frees the port; again: nothing. */
    @Override
    @PreDestroy
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
