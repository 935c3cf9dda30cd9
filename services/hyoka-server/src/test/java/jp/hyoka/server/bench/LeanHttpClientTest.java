package jp.hyoka.server.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's lean load client against a real local HTTP server (the JDK's), and against raw sockets. */
class LeanHttpClientTest {

    private static final String FEW = "{\"data\":{\"assessment\":{\"id\":\"a\",\"revision\":7}},"
            + "\"extensions\":{\"cost\":{\"requestedQueryCost\":1,\"actualQueryCost\":1}}}";

    private HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String answer = FEW;
    private volatile int status = 200;

    @BeforeAll
    static void answerWithoutNagle() {
        // The JDK's server writes an answer's head and body separately; with Nagle on its socket the body waits for
        // the client's delayed ACK (~40 ms per request). Read once, when its configuration class loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/graphql", this::answer);
        server.createContext("/chunked", exchange -> {
            record(exchange);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);                           // 0: the JDK's server sends it chunked
            try (OutputStream body = exchange.getResponseBody()) {
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                for (int at = 0; at < bytes.length; at += 1000) {
                    body.write(bytes, at, Math.min(1000, bytes.length - at));
                    body.flush();
                }
            }
        });
        server.createContext("/close", exchange -> {
            exchange.getResponseHeaders().add("Connection", "close");
            answer(exchange);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        record(exchange);
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    private void record(HttpExchange exchange) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + exchange.getRequestHeaders().getFirst("Authorization") + " "
                + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void givenOnePreparedRead_whenSentManyTimes_thenEveryRequestGoesOverOneKeptConnection_andEachAnswerIsTheBody() {
        try (LeanHttpClient client = new LeanHttpClient(uri(), "/graphql", "t0ken")) {
            LeanHttpClient.Request read = client.prepare("{\"query\":\"{ x }\"}".getBytes(StandardCharsets.UTF_8));
            ReferenceAnswer reference = ReferenceAnswer.of(client.send(read), "assessment");

            for (int i = 0; i < 200; i++) {
                reference.check(client.send(read));
            }
            assertThat(client.lastFraming()).isEqualTo("Content-Length");
        }

        assertThat(requests).hasSize(201)
                .containsOnly("POST /graphql Bearer t0ken application/json {\"query\":\"{ x }\"}");
        assertThat(clientPorts).as("one keep-alive connection").hasSize(1);
    }

    @Test
    void givenAChunkedAnswerOfManyChunks_whenRead_thenTheBodyIsWhole_andTheConnectionServesTheNextRequest() {
        answer = "{\"data\":{\"assessment\":{\"id\":\"" + "長い".repeat(5_000) + "\",\"revision\":3}}}";
        try (LeanHttpClient client = new LeanHttpClient(uri(), "/chunked", "t")) {
            for (int i = 0; i < 20; i++) {
                LeanHttpClient.Answer read = client.post("{}".getBytes(StandardCharsets.UTF_8));

                assertThat(read.status()).isEqualTo(200);
                assertThat(read.text()).isEqualTo(answer);
                assertThat(AnswerScan.of(read, "assessment").revision()).isEqualTo(3);
            }
            assertThat(client.lastFraming()).isEqualTo("chunked");
        }
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void givenAnAnswerWithConnectionClose_whenTheNextRequestIsSent_thenItGoesOverANewConnection() {
        try (LeanHttpClient client = new LeanHttpClient(uri(), "/close", "t")) {
            assertThat(client.post(new byte[0]).text()).isEqualTo(FEW);
            assertThat(client.post(new byte[0]).text()).isEqualTo(FEW);
        }
        assertThat(clientPorts).hasSize(2);
    }

    @Test
    void givenAReference_whenAnAnswerIsAnErrorStatus_orADifferentBody_thenTheCheckFailsWithTheAnswerPrinted() {
        try (LeanHttpClient client = new LeanHttpClient(uri(), "/graphql", "t")) {
            LeanHttpClient.Request read = client.prepare(new byte[0]);
            ReferenceAnswer reference = ReferenceAnswer.of(client.send(read), "assessment");

            status = 503;
            assertThatThrownBy(() -> reference.check(client.send(read))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("answered 503").hasMessageContaining(FEW);
            assertThatThrownBy(() -> AnswerScan.of(client.send(read), "assessment"))
                    .isInstanceOf(AnswerScan.BadAnswer.class).hasMessageContaining("status 503");

            status = 200;
            answer = FEW.replace("\"revision\":7", "\"revision\":8");
            assertThatThrownBy(() -> reference.check(client.send(read))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("answered 200").hasMessageContaining("\"revision\":8")
                    .hasMessageContaining("at byte " + FEW.indexOf("7"));

            answer = "{\"errors\":[{\"message\":\"boom\"}],\"data\":{\"assessment\":null}}";
            assertThatThrownBy(() -> reference.check(client.send(read))).hasMessageContaining("boom");
            assertThatThrownBy(() -> ReferenceAnswer.of(client.send(read), "assessment"))
                    .isInstanceOf(AnswerScan.BadAnswer.class).hasMessageContaining("boom");
        }
    }

    /**
     * A peer on a raw socket: for each of {@code connections} connections, reads the request and writes {@code answer}
     * as it is, then closes the connection.
     */
    private static Thread rawPeer(ServerSocket raw, int connections, String answer) {
        Thread peer = new Thread(() -> {
            for (int connection = 0; connection < connections; connection++) {
                try (Socket socket = raw.accept(); InputStream in = socket.getInputStream();
                     OutputStream out = socket.getOutputStream()) {
                    in.read(new byte[4096]);
                    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                    // the client's failure is what the test looks at
                }
            }
        });
        peer.start();
        return peer;
    }

    @Test
    void givenAnAnswerFramedByTheConnectionsClose_whenRead_thenTheClientFailsLoudly() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = rawPeer(raw, 1, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{}");
            try (LeanHttpClient client = new LeanHttpClient(URI.create("http://127.0.0.1:" + raw.getLocalPort()),
                    "/graphql", "t")) {
                assertThatThrownBy(() -> client.post(new byte[0])).isInstanceOf(UncheckedIOException.class)
                        .hasRootCauseMessage("an answer framed neither by Content-Length nor chunked (status 200)");
            }
            peer.join();
        }
    }

    @Test
    void givenAPeerThatClosesAfterAnAnswer_whenTheNextRequestIsSent_thenItFailsLoudly_andTheOneAfterReconnects()
            throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            Thread peer = rawPeer(raw, 2, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
            try (LeanHttpClient client = new LeanHttpClient(URI.create("http://127.0.0.1:" + raw.getLocalPort()),
                    "/graphql", "t")) {
                assertThat(client.post(new byte[0]).text()).isEqualTo("{}");

                assertThatThrownBy(() -> client.post(new byte[0])).isInstanceOf(UncheckedIOException.class);
                assertThat(client.post(new byte[0]).text()).isEqualTo("{}");
            }
            peer.join();
        }
    }
}
