package jp.hyoka.server.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.hyoka.domain.platform.FirstAdministrator;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Onboarding in Keycloak through its admin REST API, as the realm's {@code hyoka-admin} service account: the
 * municipality becomes an Organization (alias and attribute {@code municipalityCode} = its code, which is what
 * tokens carry), the first administrator a member with the roles editor and approver — never platform-operator,
 * although the service account could grant it — and a temporary password to change at first sign-in.
 */
@Singleton
@Requires(env = "keycloak")
public class KeycloakDirectory implements MunicipalityDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String issuer;
    private final String admin;
    private final String clientId;
    private final String clientSecret;

    public KeycloakDirectory(@Value("${hyoka.oidc.issuer}") String issuer,
                             @Value("${hyoka.oidc.admin-client-id:hyoka-admin}") String clientId,
                             @Value("${hyoka.oidc.admin-client-secret}") String clientSecret) {
        this.issuer = issuer;
        // http://host/realms/hyoka → http://host/admin/realms/hyoka
        this.admin = issuer.replaceFirst("/realms/", "/admin/realms/");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public Invitation invite(MunicipalityCode code, String name, FirstAdministrator administrator) {
        String token = serviceAccountToken();
        String organization = organization(token, code, name);
        String username = administrator.email();
        String password = temporaryPassword();
        String userId = user(token, username, administrator, password);
        grantAdministratorRoles(token, userId);
        send(token, "POST", "/organizations/" + organization + "/members", JSON.valueToTree(userId), 201, 409);
        return new Invitation(userId, username, "TEMPORARY_PASSWORD", password);
    }

    private String organization(String token, MunicipalityCode code, String name) {
        JsonNode found = json(token, "/organizations?exact=true&q=" + encode("municipalityCode:" + code.value()));
        if (found.size() > 0) {
            return found.get(0).path("id").asText();
        }
        send(token, "POST", "/organizations", Map.of("name", name, "alias", code.value(), "enabled", true,
                "description", name + " (地方公共団体コード " + code.value() + ")",
                "attributes", Map.of("municipalityCode", List.of(code.value())),
                // Keycloak requires a domain per organization; membership here is by invitation, never by e-mail domain
                "domains", List.of(Map.of("name", code.value() + ".municipality.hyoka.invalid", "verified", false))),
                201);
        return json(token, "/organizations?exact=true&q=" + encode("municipalityCode:" + code.value()))
                .get(0).path("id").asText();
    }

    /** The administrator's account, created if needed, with a fresh temporary password either way. */
    private String user(String token, String username, FirstAdministrator administrator, String password) {
        JsonNode found = json(token, "/users?exact=true&username=" + encode(username));
        if (found.size() == 0) {
            // Keycloak's user profile requires both names, and prints "first last" as the token's name: the display
            // name's first word (the family name, as Japanese write it) goes first
            String[] names = administrator.displayName().strip().split("\\s+", 2);
            send(token, "POST", "/users", Map.of("username", username, "email", administrator.email(),
                    "enabled", true, "firstName", names[0], "lastName", names.length > 1 ? names[1] : names[0],
                    "requiredActions", List.of("UPDATE_PASSWORD")), 201);
            found = json(token, "/users?exact=true&username=" + encode(username));
        }
        String userId = found.get(0).path("id").asText();
        send(token, "PUT", "/users/" + userId + "/reset-password",
                Map.of("type", "password", "value", password, "temporary", true), 204);
        return userId;
    }

    private void grantAdministratorRoles(String token, String userId) {
        List<JsonNode> roles = new ArrayList<>();
        for (JsonNode available : json(token, "/users/" + userId + "/role-mappings/realm/available")) {
            if (ADMINISTRATOR_ROLES.contains(available.path("name").asText())) {
                roles.add(available);
            }
        }
        if (!roles.isEmpty()) {
            send(token, "POST", "/users/" + userId + "/role-mappings/realm", roles, 204);
        }
    }

    private String serviceAccountToken() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        expect(response, 200);
        return parse(response.body()).path("access_token").asText();
    }

    private JsonNode json(String token, String path) {
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(admin + path))
                .header("Authorization", "Bearer " + token).GET().build());
        expect(response, 200);
        return parse(response.body());
    }

    private void send(String token, String method, String path, Object body, int... accepted) {
        try {
            HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(admin + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
            expect(response, accepted);
        } catch (IOException e) {
            throw new DirectoryUnavailable("could not write the request to Keycloak", e);
        }
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DirectoryUnavailable("Keycloak did not answer at " + request.uri().getHost(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailable("interrupted while calling Keycloak", e);
        }
    }

    private static void expect(HttpResponse<String> response, int... accepted) {
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new DirectoryUnavailable("Keycloak answered " + response.statusCode() + " to "
                + response.request().method() + " " + response.request().uri().getPath(), null);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new DirectoryUnavailable("Keycloak answered something that is not JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** 18 random bytes: 24 characters, never the same twice; the administrator replaces it at first sign-in. */
    private static String temporaryPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
