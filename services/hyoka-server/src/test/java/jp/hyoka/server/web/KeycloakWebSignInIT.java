package jp.hyoka.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.Browser;
import jp.hyoka.server.support.KeycloakServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference UI's sign-in through the real Keycloak (infra/keycloak, realm hyoka, client hyoka-web) in Chromium:
 * the authorization-code flow with PKCE from /app to Keycloak's login page and back, the code exchanged in the
 * browser, and the UI then shows the municipality and person the token names.
 */
@MicronautTest(environments = "keycloak")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakWebSignInIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    Tenants tenants;

    private KeycloakServer keycloak;
    private Browser browser;

    @Override
    public Map<String, String> getProperties() {
        keycloak = KeycloakServer.get();
        return keycloak.serverProperties();
    }

    /** The realm file lets the UI come back to port 8080 (run.sh); the test server's port is added here. */
    @BeforeAll
    void registerAndAllowTheTestPort() throws IOException {
        tenants.register(new MunicipalityCode("141305"), "川崎市");
        String admin = keycloak.masterAdminToken();
        JsonNode client = keycloak.adminJson(admin, "/clients?clientId=hyoka-web").get(0);
        assertThat(client).as("the realm's hyoka-web client").isNotNull();
        ObjectNode changed = (ObjectNode) client;
        ((ArrayNode) changed.withArray("redirectUris")).add(server.getURI().resolve("/app").toString());
        assertThat(keycloak.admin(admin, "PUT", "/clients/" + client.path("id").asText(),
                JSON.convertValue(changed, Map.class)).statusCode()).isEqualTo(204);
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void givenKeycloak_whenAnEditorSignsInOnItsLoginPage_thenTheUiShowsTheirMunicipality() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
        browser.driver.get(server.getURI().resolve("/app").toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='oidc-sign-in']"))).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("kawasaki-editor");
        // with organizations on, Keycloak asks for the username first (identity-first login), then the password
        if (browser.driver.findElements(By.id("password")).isEmpty()) {
            browser.driver.findElement(By.id("kc-login")).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys("kawasaki-editor-pw");
        browser.screenshot("app-keycloak-login");
        browser.driver.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid='viewer']"), "川崎市"));
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid='viewer']")).getText()).contains("川崎 作成者");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("code=");
    }
}
