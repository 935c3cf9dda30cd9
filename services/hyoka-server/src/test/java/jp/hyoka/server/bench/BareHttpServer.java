package jp.hyoka.server.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Row 9's ceiling: the bare JDK HttpServer, answering 200 on every path; started by {@link StartupRow} as a process
 * of its own with the server's JVM options, timed to its first 200 and its RSS read then.
 */
public final class BareHttpServer {

    private BareHttpServer() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", Integer.parseInt(args[0])), 0);
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }
}
