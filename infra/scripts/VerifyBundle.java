import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Hyoka auditor bundle (downloaded from GraphQL exportAuditBundle's downloadUrl) without the server:
 * recomputes every link of the municipality's event hash chain from the events in the bundle and reports the
 * first that does not match.
 * A single file on purpose, with no dependencies: an auditor can read all of it, and it shares no code with the
 * server it checks (the canonical form is written out again here; README, "Tamper evidence").
 *
 *   java VerifyBundle.java [--anchor HASH]... bundle.jsonl
 *
 * --anchor HASH  a head hash noted earlier (verifyEventChain or an earlier bundle): the bundle must contain that
 *                link, which shows the chain seen then is unchanged and this one only extends it.
 * Exit status: 0 verified, 1 broken, 2 unusable (usage, unreadable file, unknown format).
 */
public class VerifyBundle {

    static final String BUNDLE_FORMAT = "hyoka-audit-bundle/1";
    static final String HASH_FORMAT = "hyoka-event-chain/1";
    static final String GENESIS = "0".repeat(64);

    public static void main(String[] args) throws Exception {
        try {
            verify(args);
        } catch (ClassCastException | NullPointerException e) {
            unusable("a bundle line lacks a field or has one of the wrong type: " + e.getMessage());
        }
    }

    static void verify(String[] args) throws Exception {
        List<String> anchors = new ArrayList<>();
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--anchor") && i + 1 < args.length) {
                anchors.add(args[++i].toLowerCase());
            } else if (file == null && !args[i].startsWith("--")) {
                file = Path.of(args[i]);
            } else {
                unusable("usage: java VerifyBundle.java [--anchor HASH]... bundle.jsonl");
            }
        }
        if (file == null) {
            unusable("usage: java VerifyBundle.java [--anchor HASH]... bundle.jsonl");
        }
        List<String> lines = List.of();
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            unusable("cannot read " + file + " as UTF-8 text: " + e);
        }
        if (lines.isEmpty()) {
            unusable(file + " is empty");
        }
        Map<String, Object> header = object(lines.get(0));
        if (!BUNDLE_FORMAT.equals(header.get("format")) || !HASH_FORMAT.equals(header.get("hashFormat"))) {
            unusable("not a " + BUNDLE_FORMAT + " bundle with " + HASH_FORMAT + " hashes: " + lines.get(0));
        }
        String tenant = (String) header.get("tenant");
        String previous = GENESIS;
        long position = 0;
        Set<String> hashes = new HashSet<>(Set.of(GENESIS));
        for (String line : lines.subList(1, lines.size())) {
            Map<String, Object> link = object(line);
            long at = ((Number) link.get("position")).longValue();
            String eventId = (String) link.get("eventId");
            String stored = (String) link.get("hash");
            if (at != position + 1) {
                broken(tenant, "LINK_MISSING", position + 1, eventId, "position " + (position + 1) + " expected, "
                        + at + " found");
            }
            if (!previous.equals(link.get("previousHash"))) {
                broken(tenant, "PREVIOUS_HASH_CHANGED", at, eventId, "expected " + previous + ", stored "
                        + link.get("previousHash"));
            }
            if (!(link.get("payload") instanceof String payload)) {
                broken(tenant, "EVENT_MISSING", at, eventId, "the store no longer held the event; link " + stored);
                return;
            }
            String recomputed = hash(tenant, at, previous, eventId, (String) link.get("aggregateId"),
                    ((Number) link.get("sequenceNumber")).longValue(), (String) link.get("type"),
                    (String) link.get("timestamp"), payload);
            if (!recomputed.equals(stored)) {
                broken(tenant, "EVENT_CHANGED", at, eventId, "expected " + recomputed + ", stored " + stored);
            }
            previous = stored;
            position = at;
            hashes.add(stored);
        }
        if (((Number) header.get("events")).longValue() != position) {
            broken(tenant, "LINK_MISSING", position + 1, null, "the header announces " + header.get("events")
                    + " events, the bundle holds " + position);
        }
        if (((Number) header.get("headPosition")).longValue() != position || !previous.equals(header.get("headHash"))) {
            broken(tenant, "HEAD_MISMATCH", ((Number) header.get("headPosition")).longValue(), null,
                    "expected " + header.get("headHash") + ", last link " + previous);
        }
        for (String anchor : anchors) {
            if (!hashes.contains(anchor)) {
                broken(tenant, "ANCHOR_NOT_FOUND", position, null, "no link has the hash " + anchor
                        + ": the chain seen then is not part of this one");
            }
        }
        System.out.println("OK " + tenant + ": " + position + " events verified, head " + previous
                + (anchors.isEmpty() ? "" : ", anchors found: " + anchors.size()));
    }

    /** SHA-256 over each field's UTF-8 bytes, each preceded by its length as a 4-byte big-endian integer. */
    static String hash(String tenant, long position, String previousHash, String eventId, String aggregateId,
                       long sequenceNumber, String type, String timestamp, String payload) throws Exception {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        for (String field : List.of(HASH_FORMAT, tenant, Long.toString(position), previousHash, eventId, aggregateId,
                Long.toString(sequenceNumber), type, timestamp, payload)) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            canonical.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            canonical.writeBytes(bytes);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray()));
    }

    static void broken(String tenant, String reason, long position, String eventId, String detail) {
        System.out.println("BROKEN " + tenant + ": " + reason + " at position " + position
                + (eventId == null ? "" : " (event " + eventId + ")") + ": " + detail);
        System.exit(1);
    }

    static void unusable(String message) {
        System.err.println(message);
        System.exit(2);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String line) {
        Json json = new Json(line);
        Object value = null;
        try {
            value = json.value();
            json.skipSpace();
        } catch (RuntimeException e) {
            unusable("not JSON (" + e.getMessage() + "): " + line);
        }
        if (!(value instanceof Map) || json.at < line.length()) {
            unusable("not one JSON object per line: " + line);
        }
        return (Map<String, Object>) value;
    }

    /** Just enough JSON (RFC 8259) for bundle lines: objects, arrays, strings, integers, true, false, null. */
    static final class Json {
        final String text;
        int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = peek();
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                skipSpace();
                if (peek() == '}') {
                    at++;
                    return map;
                }
                do {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    map.put(key, value());
                    skipSpace();
                } while (take(','));
                expect('}');
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                skipSpace();
                if (peek() == ']') {
                    at++;
                    return list;
                }
                do {
                    list.add(value());
                    skipSpace();
                } while (take(','));
                expect(']');
                return list;
            }
            if (c == '"') {
                return string();
            }
            for (String literal : List.of("true", "false", "null")) {
                if (text.startsWith(literal, at)) {
                    at += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + at);
            }
            String number = text.substring(start, at);
            return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(escaped);     // \" \\ \/
                }
            }
        }

        void skipSpace() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        char peek() {
            if (at >= text.length()) {
                throw new IllegalArgumentException("unexpected end of line");
            }
            return text.charAt(at);
        }

        boolean take(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!take(c)) {
                throw new IllegalArgumentException("'" + c + "' expected at " + at);
            }
        }
    }
}
