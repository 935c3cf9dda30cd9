package jp.hyoka.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real Keycloak of the tests: started once per test JVM by the project's own {@code infra/keycloak/start.sh}
 * (the same realm file and flags as for development) on free ports, with a fresh database in
 * {@code target/keycloak}, and stopped when the JVM ends (the script also watches the JVM, in case it is killed).
 * The distribution is fetched and built once into the shared cache ({@code HYOKA_CACHE}); later runs only start it.
 * Never a mock, never skipped.
 */
public final class KeycloakServer {

    /** The master realm's bootstrap admin, for test fixtures only (start.sh's development default). */
    private static final String ADMIN_PASSWORD = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakServer running;

    private final URI base;
    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private KeycloakServer(URI base, String issuer) {
        this.base = base;
        this.issuer = issuer;
    }

    /**
     * The running Keycloak, started on first use. Not earlier, in the background: on two cores a Keycloak starting
     * next to the other integration tests slowed the whole run down (measured: 107-145 s instead of 92-100 s).
     */
    public static synchronized KeycloakServer get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    /**
     * A test server in the {@code keycloak} environment taking this realm's tokens: a fresh database, a free port, no
     * demo, no request limit (tests send load on purpose).
     */
    public Map<String, String> serverProperties() {
        return Map.of(
                "hyoka.database.url", TestDatabase.newDatabase(),
                "hyoka.database.username", TestDatabase.user(),
                "hyoka.database.password", TestDatabase.password(),
                "hyoka.oidc.issuer", issuer,
                "hyoka.limits.requests-per-second", "0",
                "micronaut.server.port", "-1",
                "hyoka.demo.enabled", "false");
    }

    /** The realm's issuer, as the server must be configured to expect it. */
    public String issuer() {
        return issuer;
    }

    /** The same Keycloak reached as {@code localhost}: it then writes that host into the tokens' issuer. */
    public String issuerAsLocalhost() {
        return issuer.replace("//127.0.0.1:", "//localhost:");
    }

    /** A password-grant access token from the public client {@code hyoka-cli} (or another client). */
    public String passwordToken(String clientId, String username, String password, String scope) {
        return passwordToken(issuer, clientId, username, password, scope);
    }

    public String passwordToken(String issuerUrl, String clientId, String username, String password, String scope) {
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "grant_type", "password", "client_id", clientId, "username", username, "password", password));
        if (scope != null) {
            form.put("scope", scope);
        }
        return token(issuerUrl, form);
    }

    /** A client-credentials access token, e.g. of the onboarding service account {@code hyoka-admin}. */
    public String clientToken(String clientId, String secret) {
        return token(issuer, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** The master realm's admin, for fixtures the realm file deliberately lacks (test-only clients). */
    public String masterAdminToken() {
        return token(base.resolve("/realms/master").toString(),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", ADMIN_PASSWORD));
    }

    /** Calls the realm's admin REST API ({@code /admin/realms/hyoka} + path); returns status and body. */
    public HttpResponse<String> admin(String bearer, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/admin/realms/hyoka" + path))
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode adminJson(String bearer, String path) {
        HttpResponse<String> response = admin(bearer, "GET", path, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    private String token(String issuerUrl, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuerUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = read(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token: " + response.statusCode() + " " + body);
            }
            return body.path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeycloakServer start() {
        Path script = ProjectScripts.find("infra/keycloak/start.sh");
        Path instance = Path.of("target/keycloak").toAbsolutePath();
        int[] ports = ProjectScripts.twoFreePorts();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "--fresh")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(Map.of(
                "HYOKA_KC_PORT", String.valueOf(ports[0]),
                "HYOKA_KC_MANAGEMENT_PORT", String.valueOf(ports[1]),
                "HYOKA_KC_INSTANCE", instance.toString(),
                "HYOKA_KC_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "HYOKA_KC_WATCH_PID", String.valueOf(ProcessHandle.current().pid())));
        long started = System.nanoTime();
        try {
            Process process = builder.start();
            List<String> out;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out = reader.lines().toList();
            }
            int exit = process.waitFor();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(script, instance)));
            if (exit != 0 || out.isEmpty()) {
                throw new IllegalStateException("infra/keycloak/start.sh failed (exit " + exit + "); see "
                        + instance.resolve("keycloak.log"));
            }
            String issuer = out.get(out.size() - 1).trim();
            System.out.printf("Keycloak for the tests: ready in %.1f s at %s%n", (System.nanoTime() - started) / 1e9, issuer);
            return new KeycloakServer(URI.create(issuer).resolve("/"), issuer);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop(Path script, Path instance) {
        try {
            ProcessBuilder stop = new ProcessBuilder("bash", script.resolveSibling("stop.sh").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            stop.environment().put("HYOKA_KC_INSTANCE", instance.toString());
            stop.start().waitFor();
        } catch (IOException e) {
            System.err.println("could not stop the tests' Keycloak: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
