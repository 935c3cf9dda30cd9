package jp.hyoka.server.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The load side of the HTTP rows, as lean as wrk: HTTP/1.1 over one plain keep-alive {@link Socket}, the request's
 * head (method line, Host, bearer token, Content-Type) encoded once, a prepared request's bytes (head, Content-Length,
 * body) encoded once and written with one call, and the answer read as bytes: the status line, the three headers that
 * frame it (Content-Length, Transfer-Encoding: chunked, Connection: close) and the body. No JSON here: the caller
 * checks the body ({@link ReferenceAnswer}, {@link AnswerScan}). The benchmark's in-process JDK HttpClient with a
 * Jackson tree per answer cost two thirds of the JVM's CPU per few-field read (infra/docs/read-path.md), on the same
 * 2 cores as the server: the product's figure was then the client's cost as much as the server's.
 *
 * <p>Not thread-safe: one client (one connection) per client thread. An answer framed otherwise than by
 * Content-Length or chunked, or a connection that breaks, fails loudly (no silent retry: a benchmark must not hide an
 * error).
 */
final class LeanHttpClient implements AutoCloseable {

    private static final byte[] CONTENT_LENGTH = lower("content-length");
    private static final byte[] TRANSFER_ENCODING = lower("transfer-encoding");
    private static final byte[] CONNECTION = lower("connection");

    /** An answer: the status and the body's bytes. */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    /** A request of this client, encoded once, sent as it is any number of times. */
    static final class Request {
        private final byte[] bytes;

        private Request(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    private final InetSocketAddress address;
    private final byte[] head;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private String lastFraming = "";

    /** A client that POSTs JSON to {@code path} of {@code server} with {@code token} as its bearer token. */
    LeanHttpClient(URI server, String path, String token) {
        this.address = new InetSocketAddress(server.getHost(), server.getPort());
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code body} (JSON, UTF-8) as a request of this client, encoded once. */
    Request prepare(byte[] body) {
        byte[] length = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = Arrays.copyOf(head, head.length + length.length + body.length);
        System.arraycopy(length, 0, bytes, head.length, length.length);
        System.arraycopy(body, 0, bytes, head.length + length.length, body.length);
        return new Request(bytes);
    }

    /** Sends a request prepared by this client and reads its answer. */
    Answer send(Request request) {
        try {
            if (socket == null) {
                connect();
            }
            out.write(request.bytes);
            return receive();
        } catch (IOException e) {
            disconnect();
            throw new UncheckedIOException("HTTP exchange with " + address + " failed", e);
        }
    }

    /** A body that changes per call (an edit's revision): only its Content-Length and the body are encoded here. */
    Answer post(byte[] body) {
        return send(prepare(body));
    }

    private void connect() throws IOException {
        Socket connected = new Socket();
        connected.setTcpNoDelay(true);
        connected.connect(address);
        socket = connected;
        in = connected.getInputStream();
        out = connected.getOutputStream();
        position = 0;
        limit = 0;
    }

    private Answer receive() throws IOException {
        int lineEnd = lineEnd();
        if (lineEnd - position < 12 || !startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 status line: " + ascii(position, lineEnd));
        }
        int status = digit(position + 9) * 100 + digit(position + 10) * 10 + digit(position + 11);
        position = lineEnd + 2;
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (lineEnd = lineEnd(); lineEnd > position; lineEnd = lineEnd()) {
            int colon = indexOf((byte) ':', position, lineEnd);
            if (colon < 0) {
                throw new IOException("malformed header: " + ascii(position, lineEnd));
            }
            if (nameIs(CONTENT_LENGTH, colon)) {
                length = Long.parseLong(ascii(colon + 1, lineEnd).trim());
            } else if (nameIs(TRANSFER_ENCODING, colon)) {
                String coding = ascii(colon + 1, lineEnd).trim();
                if (!coding.equalsIgnoreCase("chunked")) {
                    throw new IOException("unsupported Transfer-Encoding: " + coding);
                }
                chunked = true;
            } else if (nameIs(CONNECTION, colon)) {
                close = ascii(colon + 1, lineEnd).toLowerCase(java.util.Locale.ROOT).contains("close");
            }
            position = lineEnd + 2;
        }
        position = lineEnd + 2;                                           // the empty line ending the head
        byte[] body;
        if (status / 100 == 1 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (chunked) {
            body = chunked();
            lastFraming = "chunked";
        } else if (length >= 0) {
            body = fixed(Math.toIntExact(length));
            lastFraming = "Content-Length";
        } else {
            throw new IOException("an answer framed neither by Content-Length nor chunked (status " + status + ")");
        }
        if (close) {
            disconnect();
        }
        return new Answer(status, body);
    }

    /** How the last answer with a body was framed ("Content-Length" or "chunked"): what the server sends. */
    String lastFraming() {
        return lastFraming;
    }

    private byte[] fixed(int length) throws IOException {
        byte[] body = new byte[length];
        int buffered = Math.min(length, limit - position);
        System.arraycopy(buffer, position, body, 0, buffered);
        position += buffered;
        if (buffered < length && in.readNBytes(body, buffered, length - buffered) < length - buffered) {
            throw new EOFException("the connection closed within a body of " + length + " bytes");
        }
        return body;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int lineEnd = lineEnd();
            String size = ascii(position, lineEnd);
            int extension = size.indexOf(';');
            int length = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            position = lineEnd + 2;
            if (length == 0) {
                for (lineEnd = lineEnd(); lineEnd > position; lineEnd = lineEnd()) {
                    position = lineEnd + 2;                               // trailers: none expected, none kept
                }
                position = lineEnd + 2;
                return body.toByteArray();
            }
            body.write(fixed(length));
            if (lineEnd() != position) {
                throw new IOException("a chunk not followed by CRLF");
            }
            position += 2;
        }
    }

    /** Where the line starting at {@code position} ends (its CR), reading more until it is buffered. */
    private int lineEnd() throws IOException {
        int scanned = position;
        while (true) {
            for (int i = scanned; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    return i;
                }
            }
            int alreadyScanned = Math.max(0, limit - 1 - position);      // fill() may move the unread bytes
            if (!fill()) {
                throw new EOFException("the connection closed before the answer's head ended");
            }
            scanned = position + alreadyScanned;
        }
    }

    /** Reads more bytes into the buffer (moving what is unread to its start); false at the end of the stream. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            throw new IOException("a header line longer than " + buffer.length + " bytes");
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            return false;
        }
        limit += read;
        return true;
    }

    private boolean startsWith(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer[position + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int digit(int at) throws IOException {
        int digit = buffer[at] - '0';
        if (digit < 0 || digit > 9) {
            throw new IOException("a status that is not 3 digits");
        }
        return digit;
    }

    private int indexOf(byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the header name from {@code position} to {@code colon} is {@code name} (ASCII, any case). */
    private boolean nameIs(byte[] name, int colon) {
        if (colon - position != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            byte b = buffer[position + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != name[i]) {
                return false;
            }
        }
        return true;
    }

    private String ascii(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static byte[] lower(String name) {
        return name.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing after a failure or a Connection: close; the next request connects anew
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    @Override
    public void close() {
        disconnect();
    }
}
