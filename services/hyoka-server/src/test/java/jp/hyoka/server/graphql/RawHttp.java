package jp.hyoka.server.graphql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over one kept-alive socket, byte for byte: the tests of the lean GraphQL path send the very requests they
 * mean (the lean path takes a request by its exact shape; a chunked body sends the same request to Micronaut's
 * routing) and compare the very bytes answered.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(URI server) throws IOException {
        this(server, 0);
    }

    /** With the socket's receive buffer this small (0: the system's), so that a client that does not read is full. */
    RawHttp(URI server, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress(server.getHost(), server.getPort()));
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** An answer: its status, its head as sent without the Date line (it moves by the second), its body. */
    record Answer(int status, String head, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** A POST of {@code json} to {@code path}, its body sent with a Content-Length (lean) or chunked (Micronaut). */
    static byte[] post(String path, String token, String json, boolean chunked, String requestId, String... headers) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        head.append("Content-Type: application/json\r\n");
        if (requestId != null) {
            head.append("X-Request-Id: ").append(requestId).append("\r\n");
        }
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        if (chunked) {
            head.append("Transfer-Encoding: chunked\r\n\r\n").append(Integer.toHexString(body.length)).append("\r\n");
            request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
            request.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
        }
        return request.toByteArray();
    }

    /** A GraphQL request's JSON body (the query and variables given as JSON text). */
    static String body(String query, String variablesJson) {
        return "{\"query\":\"" + query.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                + "\",\"variables\":" + variablesJson + "}";
    }

    void send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
    }

    Answer exchange(byte[] request) throws IOException {
        send(request);
        return read();
    }

    /** Reads one answer framed by Content-Length, or chunked; fails on anything else. */
    Answer read() throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> kept = new ArrayList<>();
        long length = -1;
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
            if (!lower.startsWith("date:")) {
                kept.add(line);
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(readLine().trim(), 16); size > 0;
                 size = Integer.parseInt(readLine().trim(), 16)) {
                all.writeBytes(in.readNBytes(size));
                readLine();
            }
            readLine();
            body = all.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
        } else {
            throw new IOException("an answer framed neither by Content-Length nor chunked: " + head);
        }
        return new Answer(status, String.join("\r\n", kept), body);
    }

    /**
     * Reads until the server closes the connection (EOF, or a reset of a connection closed with unread bytes): what
     * arrived before. Fails with a timeout if the connection stays open.
     */
    byte[] readUntilClosed() throws IOException {
        ByteArrayOutputStream arrived = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                arrived.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // closed by the server while our last bytes were unread: as closed as an EOF
        }
        return arrived.toByteArray();
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            head.append(line).append("\r\n");
        }
        return head.toString();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Ends the sending side (the request so far is all the server will get), reading on. */
    void endSending() throws IOException {
        socket.shutdownOutput();
    }

    /** Whether the server has closed the connection (reads end of stream within the timeout). */
    boolean closedByServer() throws IOException {
        socket.setSoTimeout(5_000);
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
