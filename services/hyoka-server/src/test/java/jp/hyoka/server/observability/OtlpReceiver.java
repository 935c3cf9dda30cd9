package jp.hyoka.server.observability;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A collector as small as a test needs: accepts OTLP/HTTP protobuf at {@code /v1/traces} (what the SDK's OTLP
 * exporter sends) and keeps the spans, decoded from the wire format by hand (the few fields read here).
 */
final class OtlpReceiver implements AutoCloseable {

    record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name,
                        Map<String, String> attributes, List<String> linkedSpanIds) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            spans.addAll(exportRequest(ByteBuffer.wrap(body)));
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<String> contentTypes() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** ExportTraceServiceRequest: resource_spans (1) → scope_spans (2) → spans (2). */
    private static List<ReceivedSpan> exportRequest(ByteBuffer message) {
        List<ReceivedSpan> found = new ArrayList<>();
        for (ByteBuffer resourceSpans : fields(message, 1)) {
            for (ByteBuffer scopeSpans : fields(resourceSpans, 2)) {
                for (ByteBuffer span : fields(scopeSpans, 2)) {
                    found.add(span(span));
                }
            }
        }
        return found;
    }

    /** Span: trace_id 1, span_id 2, parent_span_id 4, name 5, attributes 9 (KeyValue), links 13 (Link: span_id 2). */
    private static ReceivedSpan span(ByteBuffer span) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (ByteBuffer keyValue : fields(span, 9)) {
            String key = text(first(keyValue, 1));
            ByteBuffer value = first(keyValue, 2);
            ByteBuffer string = value == null ? null : first(value, 1);
            attributes.put(key, string == null ? "(not a string)" : text(string));
        }
        List<String> links = fields(span, 13).stream().map(link -> hex(first(link, 2))).toList();
        return new ReceivedSpan(hex(first(span, 1)), hex(first(span, 2)), hex(first(span, 4)), text(first(span, 5)),
                attributes, links);
    }

    private static ByteBuffer first(ByteBuffer message, int field) {
        List<ByteBuffer> all = fields(message, field);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The length-delimited values of {@code field}, skipping every other field by its wire type. */
    private static List<ByteBuffer> fields(ByteBuffer message, int field) {
        ByteBuffer in = message.duplicate();
        List<ByteBuffer> values = new ArrayList<>();
        while (in.hasRemaining()) {
            long tag = varint(in);
            int wireType = (int) (tag & 7);
            switch (wireType) {
                case 0 -> varint(in);
                case 1 -> in.position(in.position() + 8);
                case 5 -> in.position(in.position() + 4);
                case 2 -> {
                    int length = (int) varint(in);
                    ByteBuffer value = in.slice(in.position(), length);
                    in.position(in.position() + length);
                    if (tag >>> 3 == field) {
                        values.add(value);
                    }
                }
                default -> throw new IllegalStateException("unexpected wire type " + wireType);
            }
        }
        return values;
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    private static String text(ByteBuffer bytes) {
        return bytes == null ? null : java.nio.charset.StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }

    private static String hex(ByteBuffer bytes) {
        if (bytes == null || !bytes.hasRemaining()) {
            return "";
        }
        byte[] raw = new byte[bytes.remaining()];
        bytes.duplicate().get(raw);
        return HexFormat.of().formatHex(raw);
    }
}
