package jp.hyoka.server.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.support.Browser;
import jp.hyoka.server.support.Editing;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.HyokaServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL in a real headless Chromium with no network but loopback ({@link Browser}), on a server configured like
 * the embedded default (development issuer, demo municipalities; no sample documents, to start fast): the page
 * renders from this server's files alone, its header pane holds the demo editor's token, a query runs, and a
 * subscription runs over /graphql/ws and shows an edit made over HTTP.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphiQlBrowserIT extends HyokaServerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EmbeddedServer server;
    @Inject
    DevTokenIssuer issuer;

    private Browser browser;

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of("hyoka.demo.enabled", "true", "hyoka.demo.samples-dir", "target/no-samples"));
    }

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        browser.close();
    }

    @Test
    void givenTheBrowsersNetwork_whenAPageFetchesAnAddressBeyondLocalhost_thenItFails() {
        browser.driver.get(server.getURI().resolve("/graphiql").toString());

        Object outcomes = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const attempt = (url) => fetch(url, { mode: 'no-cors' }).then(() => 'reached ' + url, () => 'failed');
                Promise.all([attempt('https://registry.npmjs.org/'), attempt('http://1.1.1.1/'),
                             attempt('/graphql/public?query=%7B__typename%7D')]).then(done);
                """);

        assertThat(outcomes).isEqualTo(List.of("failed", "failed", "reached /graphql/public?query=%7B__typename%7D"));
    }

    @Test
    void givenTheEmbeddedDefault_whenGraphiQlRunsTheMeQuery_thenTheResultNamesTheDemoEditor() {
        browser.requestedUrls();
        WebDriverWait wait = new WebDriverWait(browser.driver, WAIT);
        try {
            runInGraphiQl(wait, null, "userId");

            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".graphiql-response"), "demo-kawasaki-editor"));
            openTheExplorer(wait);
        } finally {
            browser.screenshot("graphiql");
        }
        String base = server.getURI().resolve("/").toString();
        assertThat(browser.requestedUrls()).isNotEmpty().allSatisfy(url ->
                assertThat(url).satisfiesAnyOf(u -> assertThat(u).startsWith(base),
                        u -> assertThat(u).startsWith("blob:"), u -> assertThat(u).startsWith("data:")));
    }

    @Test
    void givenASubscriptionRunInGraphiQl_whenTheAssessmentIsEditedOverHttp_thenTheChangeAppearsInTheResultPane() {
        GraphQlClient editor = new GraphQlClient(server.getURI(), issuer.issue("demo-kawasaki-editor", "川崎 太郎",
                new MunicipalityCode("141305"), List.of("editor")));
        String id = Editing.start(editor, "KEY_ITEMS", "購読を試す事務");
        String subscription = "subscription {\n  assessmentChanged(assessmentId: \"" + id + "\") {\n    revision\n"
                + "    changes { event itemId after { ... on TextValue { text } } }\n  }\n}\n";
        WebDriverWait wait = new WebDriverWait(browser.driver, WAIT);
        try {
            runInGraphiQl(wait, subscription, "assessmentChanged");

            // The socket opens asynchronously: edit until an edit made after it subscribed shows (the first, mostly).
            WebDriverWait shortly = new WebDriverWait(browser.driver, Duration.ofSeconds(5));
            long revision = 1;
            String shown = null;
            for (int attempt = 0; attempt < 6 && shown == null; attempt++) {
                String text = "ブラウザで見える回答 " + attempt;
                revision = Editing.answer(editor, id, revision, "department.name", Map.of("text", text));
                try {
                    shortly.until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".graphiql-response"), text));
                    shown = text;
                } catch (org.openqa.selenium.TimeoutException notYet) {
                    // subscribed after this edit: the next one shows
                }
            }
            assertThat(shown).as("an edit made over HTTP appears in GraphiQL's result pane").isNotNull();
            // Monaco renders spaces as no-break spaces.
            String pane = browser.driver.findElement(By.cssSelector(".graphiql-response")).getText()
                    .replace('\u00a0', ' ');
            assertThat(pane).contains("\"revision\": " + revision).contains("ItemAnswered")
                    .contains("department.name");
        } finally {
            browser.screenshot("graphiql-subscription");
        }
    }

    /**
     * Opens GraphiQL afresh (its storage cleared) with {@code query} in its editor (null: the page's default), waits
     * for the editor to show {@code shown} and the header pane the demo token, and runs it. GraphiQL opens with the
     * query its storage holds when it has no tabs yet (graphiql:query, graphiql:tabState).
     */
    private void runInGraphiQl(WebDriverWait wait, String query, String shown) {
        browser.driver.get(server.getURI().resolve("/graphiql").toString());
        browser.driver.executeScript("localStorage.clear(); if (arguments[0] !== null) "
                + "localStorage.setItem('graphiql:query', arguments[0]);", query);
        browser.driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".graphiql-query-editor"), shown));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section.graphiql-editor-tool"), "Authorization"));
        browser.driver.findElement(By.cssSelector("button.graphiql-execute-button")).click();
    }

    /** The explorer plugin's sidebar button opens a tree of the schema's root fields (the schema was fetched). */
    private void openTheExplorer(WebDriverWait wait) {
        browser.driver.findElement(By.cssSelector("button[aria-label='Show GraphiQL Explorer']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".graphiql-explorer-root .graphiql-explorer-me")));
    }
}
