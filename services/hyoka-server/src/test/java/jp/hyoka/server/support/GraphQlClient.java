package jp.hyoka.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Talks to the running server over real HTTP, as a front end would. */
public final class GraphQlClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String token;
    private final Duration timeout;

    public GraphQlClient(URI server, String token) {
        this(server, token, null);
    }

    /** A client whose every request fails with an HttpTimeoutException after {@code timeout} without an answer. */
    public GraphQlClient(URI server, String token, Duration timeout) {
        this(server, "/graphql", token, timeout);
    }

    private GraphQlClient(URI server, String path, String token, Duration timeout) {
        this.endpoint = server.resolve(path);
        this.token = token;
        this.timeout = timeout;
    }

    /** A client of the anonymous endpoint /graphql/public; a token, if given, is sent (and must change nothing). */
    public static GraphQlClient ofPublicEndpoint(URI server, String token) {
        return new GraphQlClient(server, "/graphql/public", token, null);
    }

    public record Response(int status, JsonNode body, HttpHeaders headers) {
        public JsonNode data() {
            return body.path("data");
        }

        public JsonNode errors() {
            return body.path("errors");
        }

        /** The first error's {@code extensions.code} ("" without errors). */
        public String errorCode() {
            return errors().path(0).path("extensions").path("code").asText();
        }
    }

    public Response execute(String query, Map<String, Object> variables) {
        return post(Map.of("query", query, "variables", variables));
    }

    /** POSTs {@code body} as the JSON request (e.g. with {@code extensions} and without {@code query}). */
    public Response post(Map<String, Object> body) {
        try {
            return send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET with {@code rawQueryString} (already percent-encoded) after the endpoint's path. */
    public Response get(String rawQueryString) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + "?" + rawQueryString)).GET());
    }

    private Response send(HttpRequest.Builder request) {
        try {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (timeout != null) {
                request.timeout(timeout);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The mutation or query result under {@code data.<field>}, failing loudly on GraphQL errors. */
    public JsonNode data(String field, String query, Map<String, Object> variables) {
        Response response = execute(query, variables);
        if (response.status() != 200 || response.errors().size() > 0) {
            throw new AssertionError("GraphQL call failed: " + response.status() + " " + response.body());
        }
        return response.data().path(field);
    }
}
