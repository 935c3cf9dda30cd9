package jp.hyoka.server.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what a client sends PostgreSQL (the frontend messages of protocol 3.0), as it arrives in pieces, for
 * {@link RoundTripProxy}: which statements it executes (a Bind names a statement parsed earlier, named or not, so a
 * statement pgjdbc prepared once and runs again without its text is still known), its Syncs and Flushes. The untyped
 * messages before the startup (SSL and GSS requests, cancel requests) and the startup itself are passed over.
 */
final class PostgresFrontend {

    /** What the messages read mean. */
    interface Messages {
        /** A statement bound (and then executed) in the extended protocol. */
        void executed(String sql);

        /** A simple query: executed and answered at once, with its own ReadyForQuery. */
        void simpleQuery(String sql);

        void synced();

        void flushed();
    }

    private static final int PROTOCOL_3 = 196_608;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Map<String, String> parsed = new HashMap<>();
    private boolean started;

    /** Reads {@code length} more bytes; tells {@code messages} of every message they complete. */
    void read(byte[] bytes, int length, Messages messages) {
        pending.write(bytes, 0, length);
        ByteBuffer buffer = ByteBuffer.wrap(pending.toByteArray());
        while (true) {
            int start = buffer.position();
            if (!started) {
                if (buffer.remaining() < 8) {
                    break;
                }
                int size = buffer.getInt(start);
                if (buffer.remaining() < size) {
                    break;
                }
                started = buffer.getInt(start + 4) == PROTOCOL_3;
                buffer.position(start + size);
                continue;
            }
            if (buffer.remaining() < 5) {
                break;
            }
            byte type = buffer.get(start);
            int size = buffer.getInt(start + 1);
            if (buffer.remaining() < 1 + size) {
                break;
            }
            ByteBuffer body = buffer.slice(start + 5, size - 4);
            buffer.position(start + 1 + size);
            message(type, body, messages);
        }
        byte[] rest = new byte[buffer.remaining()];
        buffer.get(rest);
        pending.reset();
        pending.write(rest, 0, rest.length);
    }

    private void message(byte type, ByteBuffer body, Messages messages) {
        switch (type) {
            case 'P' -> {                                   // Parse: statement name, query text, parameter types
                String name = text(body);
                parsed.put(name, text(body));
            }
            case 'B' -> {                                   // Bind: portal name, statement name, …
                text(body);
                String statement = text(body);
                messages.executed(parsed.getOrDefault(statement, "? (statement " + statement + " never parsed)"));
            }
            case 'Q' -> messages.simpleQuery(text(body));
            case 'S' -> messages.synced();
            case 'H' -> messages.flushed();
            case 'C' -> {                                   // Close: 'S' a statement, 'P' a portal
                if (body.get() == 'S') {
                    parsed.remove(text(body));
                }
            }
            default -> {
                // Execute, Describe, password and copy messages: nothing to count
            }
        }
    }

    /** A NUL-terminated UTF-8 string at the buffer's position; the position moves past it. */
    private static String text(ByteBuffer body) {
        int start = body.position();
        int end = start;
        while (body.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        body.get(bytes);
        body.get();                                         // the NUL
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
