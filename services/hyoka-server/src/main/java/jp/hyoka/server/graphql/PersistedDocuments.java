package jp.hyoka.server.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which document a request runs. Apollo's automatic persisted queries: a request may name its document by SHA-256
 * ({@code extensions.persistedQuery.sha256Hash}) instead of sending it; a hash this node has not seen is answered
 * PERSISTED_QUERY_NOT_FOUND with the message "PersistedQueryNotFound" (what Apollo's clients look for, then send the
 * text with the hash once), a text whose hash is not the one given PERSISTED_QUERY_HASH_MISMATCH. The valid documents
 * registered so are kept per node, the {@code hyoka.graphql.persisted-queries.cache-size} most recently used.
 * <p>
 * Trusted documents ({@code hyoka.graphql.trusted-documents}: a JSON manifest the UI build emits): when set, only the
 * documents in it run, named by hash or sent whole; anything else is UNTRUSTED_DOCUMENT, and the cache is not used.
 */
@Singleton
public class PersistedDocuments {

    static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    static final String NOT_FOUND_MESSAGE = "PersistedQueryNotFound";
    static final String HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";
    static final String UNTRUSTED = "UNTRUSTED_DOCUMENT";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request whose document cannot run; {@code badRequest}: HTTP 400 (else 200, as Apollo's clients expect). */
    static final class Refused extends RuntimeException {
        private final String code;
        private final boolean badRequest;

        Refused(String code, String message, boolean badRequest) {
            super(message, null, false, false);
            this.code = code;
            this.badRequest = badRequest;
        }

        String code() {
            return code;
        }

        boolean badRequest() {
            return badRequest;
        }
    }

    private final Map<String, String> trusted;
    private final Map<String, String> seen;

    public PersistedDocuments(@Nullable @Value("${hyoka.graphql.trusted-documents:}") String manifest,
                              @Value("${hyoka.graphql.persisted-queries.cache-size:1000}") int cacheSize) {
        this.trusted = manifest == null || manifest.isBlank() ? null : manifest(Path.of(manifest));
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > Math.max(0, cacheSize);
            }
        };
    }

    /** The text of the document {@code request} runs; refused if there is none it may run. */
    String document(GraphQlRequest request) {
        String hash = request.persistedHash();
        String query = request.query();
        if (query != null) {
            if (hash == null && trusted == null) {
                return query;               // nothing to compare its hash with: not hashed (the read path's profile)
            }
            String actual = sha256(query);
            if (hash != null && !hash.equals(actual)) {
                throw new Refused(HASH_MISMATCH, "The document's SHA-256 is " + actual + ", not the "
                        + "persistedQuery.sha256Hash sent; nothing was done.", true);
            }
            if (trusted != null && !trusted.containsKey(actual)) {
                throw untrusted();
            }
            return query;
        }
        String known;
        if (trusted != null) {
            known = trusted.get(hash);
            if (known == null) {
                throw untrusted();
            }
            return known;
        }
        synchronized (seen) {
            known = seen.get(hash);
        }
        if (known == null) {
            throw new Refused(NOT_FOUND, NOT_FOUND_MESSAGE, false);
        }
        return known;
    }

    /**
     * Remembers the document of a request that named one by hash and sent its text, once graphql-java found it valid
     * ({@code valid}): a client cannot fill the cache with documents that never run. Not in trusted mode.
     */
    void remember(GraphQlRequest request, boolean valid) {
        if (valid && trusted == null && request.persistedHash() != null && request.query() != null) {
            synchronized (seen) {
                seen.put(request.persistedHash(), request.query());
            }
        }
    }

    private static Refused untrusted() {
        return new Refused(UNTRUSTED, "This server runs only the documents its own clients were built with; this "
                + "one is not among them. Nothing was done.", true);
    }

    static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a manifest: {@code {"<sha256>": "<document>", ...}} (GraphQL Code Generator's client preset,
     * {@code persistedDocuments: true}) or Apollo's {@code {"operations": [{"id", "body"}, ...]}}. Every hash must
     * be the document's own: a manifest that does not add up stops the start.
     */
    static Map<String, String> manifest(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trusted documents manifest " + file, e);
        }
        Map<String, String> documents = new LinkedHashMap<>();
        if (root != null && root.path("operations").isArray()) {
            root.path("operations").forEach(operation ->
                    documents.put(operation.path("id").asText(), operation.path("body").asText()));
        } else if (root != null && root.isObject()) {
            root.fields().forEachRemaining(entry -> documents.put(entry.getKey(), entry.getValue().asText()));
        } else {
            throw new IllegalStateException("The trusted documents manifest " + file + " is not a JSON object.");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        documents.forEach((hash, document) -> {
            if (!sha256(document).equalsIgnoreCase(hash)) {
                throw new IllegalStateException("The trusted documents manifest " + file + " names a document "
                        + hash + " whose SHA-256 is " + sha256(document) + ".");
            }
            checked.put(sha256(document), document);
        });
        return Map.copyOf(checked);
    }
}
