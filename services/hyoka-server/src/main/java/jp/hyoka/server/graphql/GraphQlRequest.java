package jp.hyoka.server.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One GraphQL operation read from HTTP, strictly: the body must be UTF-8 without a single invalid byte (and without
 * an unpaired surrogate written as a JSON escape), a JSON object with a string {@code query}. Anything else is
 * refused ({@link Refused}) before it can reach a resolver, let alone the event store: a replacement character
 * stored in place of what a user typed is a silent loss. With Apollo's automatic persisted queries
 * ({@code extensions.persistedQuery {version: 1, sha256Hash}}) the {@code query} may be absent: {@code query} is then
 * null and {@code persistedHash} names the document ({@link PersistedDocuments} finds it).
 */
record GraphQlRequest(String query, String operationName, Map<String, Object> variables, String persistedHash) {

    static final String BAD_REQUEST = "BAD_REQUEST";
    static final String INVALID_ENCODING = "INVALID_ENCODING";
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-fA-F]{64}");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A request refused before execution: HTTP 400 with this code and message. */
    static final class Refused extends RuntimeException {
        private final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /**
     * A POST: {@code application/json} with {"query", "operationName", "variables"}, or {@code application/graphql}
     * with the document as the body, or (any type) the operation in the URL's query string.
     */
    static GraphQlRequest fromPost(String contentType, byte[] body, String rawQueryString) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || type.endsWith("+json")) {
            return fromJson(utf8(body == null ? new byte[0] : body, "The request body"));
        }
        if (type.equals("application/graphql")) {
            return new GraphQlRequest(utf8(body == null ? new byte[0] : body, "The request body"), null, Map.of(),
                    null);
        }
        if (rawQueryString != null && rawQueryString.contains("query=")) {
            return fromQueryString(rawQueryString);
        }
        throw new Refused(BAD_REQUEST, "Unsupported content type '" + (type.isEmpty() ? "none" : type)
                + "': send application/json with {\"query\": ..., \"variables\": {...}}.");
    }

    /** A GET: {@code ?query=...&operationName=...&variables={...}}, percent-decoded strictly as UTF-8. */
    static GraphQlRequest fromQueryString(String rawQueryString) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : (rawQueryString == null ? "" : rawQueryString).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = percentDecoded(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : percentDecoded(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        String extensions = parameters.get("extensions");
        String persistedHash = null;
        if (extensions != null && !extensions.isBlank()) {
            JsonNode parsed = readJson(extensions, "The parameter 'extensions'");
            checkText(parsed);
            persistedHash = persistedHash(parsed);
        }
        String query = parameters.get("query");
        if ((query == null || query.isBlank()) && persistedHash == null) {
            throw new Refused(BAD_REQUEST, "The parameter 'query' is missing.");
        }
        String variables = parameters.get("variables");
        if (query != null) {
            checkText(query);
        }
        if (variables == null || variables.isBlank()) {
            return new GraphQlRequest(blankAsNull(query), parameters.get("operationName"), Map.of(), persistedHash);
        }
        JsonNode parsed = readJson(variables, "The parameter 'variables'");
        checkText(parsed);
        return new GraphQlRequest(blankAsNull(query), parameters.get("operationName"), variables(parsed),
                persistedHash);
    }

    private static String blankAsNull(String query) {
        return query == null || query.isBlank() ? null : query;
    }

    /** {@code extensions.persistedQuery.sha256Hash}, or null without a persistedQuery; refused if malformed. */
    static String persistedHash(JsonNode extensions) {
        if (extensions == null || extensions.isNull()) {
            return null;
        }
        if (!extensions.isObject()) {
            throw new Refused(BAD_REQUEST, "'extensions' must be a JSON object.");
        }
        JsonNode persisted = extensions.get("persistedQuery");
        if (persisted == null || persisted.isNull()) {
            return null;
        }
        if (!persisted.isObject() || persisted.path("version").asInt(0) != 1 || !persisted.path("version").isInt()) {
            throw new Refused(BAD_REQUEST, "'extensions.persistedQuery' must be {\"version\": 1, \"sha256Hash\": ...}.");
        }
        JsonNode hash = persisted.get("sha256Hash");
        if (hash == null || !hash.isTextual() || !SHA_256.matcher(hash.asText()).matches()) {
            throw new Refused(BAD_REQUEST, "'extensions.persistedQuery.sha256Hash' must be 64 hexadecimal digits.");
        }
        return hash.asText().toLowerCase(Locale.ROOT);
    }

    private static GraphQlRequest fromJson(String body) {
        JsonNode root = readJson(body, "The request body");
        if (root.isArray()) {
            throw new Refused(BAD_REQUEST,
                    "Batched operations (a JSON array) are not supported: send one operation per request.");
        }
        if (!root.isObject()) {
            throw new Refused(BAD_REQUEST, "The request body must be a JSON object with a 'query'.");
        }
        checkText(root);
        String persistedHash = persistedHash(root.get("extensions"));
        JsonNode query = root.get("query");
        boolean noQuery = query == null || query.isNull() || (query.isTextual() && query.asText().isBlank());
        if (noQuery ? persistedHash == null : !query.isTextual()) {
            throw new Refused(BAD_REQUEST, "The request body has no 'query' string.");
        }
        JsonNode operationName = root.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isTextual()) {
            throw new Refused(BAD_REQUEST, "'operationName' must be a string.");
        }
        JsonNode variables = root.get("variables");
        return new GraphQlRequest(noQuery ? null : query.asText(),
                operationName == null || operationName.isNull() ? null : operationName.asText(),
                variables == null || variables.isNull() ? Map.of() : variables(variables), persistedHash);
    }

    private static JsonNode readJson(String text, String what) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new Refused(BAD_REQUEST, what + " is empty; expected a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Refused(BAD_REQUEST, what + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ").");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(JsonNode variables) {
        if (!variables.isObject()) {
            throw new Refused(BAD_REQUEST, "'variables' must be a JSON object.");
        }
        return (Map<String, Object>) plain(variables);
    }

    /**
     * The tree as graphql-java takes variables: what Jackson's {@code convertValue(tree, Map.class)} gives (ordered
     * maps, lists, strings, booleans, null, and each number as the tree holds it: Integer, Long, BigInteger, Double),
     * without writing the tree into a buffer and reading it back (on the event loop, for every request).
     */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                object.put(field.getKey(), plain(field.getValue()));
            }
            return object;
        }
        if (node.isArray()) {
            List<Object> array = new ArrayList<>(node.size());
            node.forEach(element -> array.add(plain(element)));
            return array;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;                                        // JSON null: a parsed tree holds nothing else
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Refused(INVALID_ENCODING, what + " is not valid UTF-8; nothing was done.");
        }
    }

    private static String percentDecoded(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && isHex(raw, i + 1) && isHex(raw, i + 2)) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '%') {
                throw new Refused(BAD_REQUEST, "The query string has a malformed percent escape.");
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return utf8(bytes.toByteArray(), "The query string");
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }

    /** Every string and key of the JSON, for surrogates no UTF-8 could carry (JSON escapes such as \ud800). */
    private static void checkText(JsonNode node) {
        if (node.isTextual()) {
            checkText(node.asText());
        } else if (node.isContainerNode()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkText(field.getKey());
                checkText(field.getValue());
            }
            if (node.isArray()) {
                node.forEach(GraphQlRequest::checkText);
            }
        }
    }

    private static void checkText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Refused(INVALID_ENCODING, "The request contains an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + "), which is no character; nothing was done.");
            }
        }
    }
}
