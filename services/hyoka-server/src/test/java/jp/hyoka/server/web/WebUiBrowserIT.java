package jp.hyoka.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.hyoka.server.support.Browser;
import jp.hyoka.server.support.GraphQlClient;
import jp.hyoka.server.support.Samples;
import jp.hyoka.server.support.SignedInServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference UI (/app, services/hyoka-web/src/app) in a real headless Chromium at 1366×768, on a server configured
 * like the embedded default with its sample documents: a 川崎市 editor signs in, searches, opens the imported sample,
 * has an edit of the published version refused (and keeps what was typed), starts the next version, edits, meets a
 * stale revision made by a second session (another editor, through the API) and re-applies, loses the network while
 * saving and retries, publishes, reads the 変更箇所 row, compares revisions, exports, adds and removes a repeat entry
 * and starts an assessment. Screenshots go to target/screenshots/app-*.png; axe-core checks each main screen for
 * serious or critical WCAG 2.2 AA violations.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserIT extends SignedInServerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path AXE = Path.of("../hyoka-web/node_modules/axe-core/axe.min.js");
    private static final String TYPED = "UIから記載した事務の内容";
    private static final String REAPPLIED = "競合の後に保存し直した内容";
    private static final String RETRIED = "通信が戻ってから保存し直した内容";
    private static final String NEW_VERSION_TEXT = "UIの試験のために新しい版で加えた記載。";
    private static final By NEXT_VERSION = By.xpath("//button[contains(., '版の作成を始める')]");

    private Browser browser;
    private WebDriverWait wait;

    @Override
    public Map<String, String> getProperties() {
        return baseProperties(Map.of("hyoka.demo.enabled", "true",
                "hyoka.demo.samples-dir", "../../schema/src/test/resources/samples"));
    }

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
        browser.driver.manage().window().setSize(new Dimension(1366, 768));
        browser.driver.manage().timeouts().scriptTimeout(WAIT);
        // React replaces elements as it re-renders: a wait that meets one it held retries rather than fails
        wait = (WebDriverWait) new WebDriverWait(browser.driver, WAIT).ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        browser.close();
    }

    @Test
    @Order(1)
    void givenTheDemoSamples_whenAnEditorWorksThroughTheUi_thenEachStepShowsOnScreen() throws IOException {
        browser.driver.get(server.getURI().resolve("/app").toString());
        click(By.cssSelector("button[data-user='demo-kawasaki-editor']"), "app-sign-in");

        WebElement first = visible(By.cssSelector("main table tbody tr a"));
        assertThat(text(By.cssSelector("[data-testid='viewer']"))).contains("川崎市", "川崎 編集者");
        checkAccessibilityAndShoot("app-assessments");

        search("個人番号");

        first = visible(By.cssSelector("main table tbody tr a"));
        first.click();
        WebElement field = visible(By.cssSelector("[data-type='TEXT'] textarea"));
        WebElement item = field.findElement(By.xpath("./ancestor::div[@data-item-id]"));
        String itemId = item.getAttribute("data-item-id");
        List<String> entryIds = entries(item.getAttribute("data-entry-ids"));
        String assessmentId = URLDecoder.decode(browser.driver.getCurrentUrl().replaceAll(".*#/assessments/", ""),
                StandardCharsets.UTF_8);

        // the sample is published version 1: the edit is refused beside the item, and what was typed stays
        replace(field, TYPED);
        wait.until(d -> !item.findElements(By.cssSelector("[data-testid='item-problem']")).isEmpty());
        assertThat(field.getAttribute("value")).isEqualTo(TYPED);
        browser.screenshot("app-refused-edit");

        click(NEXT_VERSION, null);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(NEXT_VERSION));
        field.click();
        field.sendKeys(Keys.TAB);
        wait.until(d -> item.getText().contains("保存しました"));
        checkAccessibilityAndShoot("app-editor");

        // a second session: another editor of 川崎市 answers the same item through the API
        JsonNode other = callers.kawasakiEditor2.data("answerItem", """
                mutation($input: AnswerItemInput!) { answerItem(input: $input) { __typename } }""",
                Map.of("input", Map.of("assessmentId", assessmentId, "expectedRevision", revision(assessmentId),
                        "itemId", itemId, "entryIds", entryIds, "value", Map.of("text", "別の職員の記載"))));
        assertThat(other.path("__typename").asText()).isEqualTo("AssessmentEdited");
        // shown live (assessmentChanged over /graphql/ws), without replacing what the editor has on screen
        assertThat(text(By.cssSelector("[data-testid='live-changes']"))).contains("川崎 二郎", "別の職員");

        replace(field, REAPPLIED);
        WebElement stale = visible(By.cssSelector("[data-testid='stale-revision']"));
        assertThat(stale.getText()).contains("川崎 二郎", "別の職員の記載");
        checkAccessibilityAndShoot("app-conflict");
        stale.findElement(By.xpath(".//button[contains(., '保存し直す')]")).click();
        wait.until(d -> item.getText().contains("保存しました"));
        assertThat(answerText(assessmentId, itemId, entryIds)).isEqualTo(REAPPLIED);

        // the network fails: the typed text stays, and the edit is retried once it is back
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver.setNetworkConditions(offline);
        replace(field, RETRIED);
        WebElement retry = wait.until(d -> item.findElement(By.xpath(".//button[contains(., 'もう一度保存する')]")));
        assertThat(field.getAttribute("value")).isEqualTo(RETRIED);
        browser.driver.deleteNetworkConditions();
        retry.click();
        wait.until(d -> item.getText().contains("保存しました"));
        assertThat(answerText(assessmentId, itemId, entryIds)).isEqualTo(RETRIED);

        click(By.linkText("履歴・変更箇所・公表・出力"), null);
        wait.until(d -> d.findElement(By.id("pending-title")).isDisplayed());
        for (WebElement explanation : browser.driver.findElements(By.cssSelector("textarea[id^='explanation-']"))) {
            if (explanation.getAttribute("value").isBlank()) {
                explanation.sendKeys("事務の内容の記載を見直したため");
            }
        }
        click(By.xpath("//button[contains(., 'この版を公表する')]"), null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("annex"), RETRIED));
        assertThat(text(By.cssSelector("[data-testid='timeline']"))).contains("川崎 二郎", "川崎 編集者");
        checkAccessibilityAndShoot("app-history");
        WebElement from = visible(By.id("diff-from"));
        from.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "1");
        click(By.xpath("//button[contains(., '比較する')]"), null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("diff"), RETRIED));

        click(By.xpath("//button[contains(., '印刷用 HTML')]"), null);
        click(By.xpath("//button[contains(., 'TSV を作る')]"), null);
        assertThat(download("HTML")).contains(RETRIED);
        assertThat(download("TSV")).contains(RETRIED);

        click(By.partialLinkText("編集に戻る"), null);
        click(NEXT_VERSION, null);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(NEXT_VERSION));
        addAndRemoveARepeatEntry();
        clearAnAnswer(assessmentId, itemId, entryIds);

        startAnAssessment();
    }

    @Test
    @Order(2)
    void givenASampleFollowingASeededComponent_whenTheOperatorPublishesANewVersion_thenTheEditorAdoptsItInTheUi()
            throws IOException {
        // 川崎市's sample follows the seeded boilerplate (linked on import); its draft is where a proposal is adopted
        JsonNode followed = null;
        String assessmentId = null;
        for (JsonNode edge : callers.kawasakiEditor.data("assessments", """
                { assessments(first: 50) { edges { node { id status
                    componentUses { useId mode version component { componentId name } } } } } }""", Map.of()).path("edges")) {
            for (JsonNode use : edge.path("node").path("componentUses")) {
                if (followed == null && !use.path("mode").asText().equals("DETACHED")) {
                    followed = use;
                    assessmentId = edge.path("node").path("id").asText();
                    if (edge.path("node").path("status").asText().equals("PUBLISHED")) {
                        assertThat(callers.kawasakiEditor.data("startNextVersion", """
                                mutation($id: ID!, $revision: Int!) { startNextVersion(input: {assessmentId: $id,
                                  expectedRevision: $revision}) { __typename } }""",
                                Map.of("id", assessmentId, "revision", revision(assessmentId)))
                                .path("__typename").asText()).isEqualTo("AssessmentEdited");
                    }
                }
            }
        }
        assertThat(followed).as("a 川崎市 sample linked to a seeded component").isNotNull();
        String component = followed.path("component").path("componentId").asText();
        int next = publishNextVersion(component);
        String document = assessmentId;
        wait.until(d -> callers.kawasakiEditor.data("assessment",
                "query($id: ID!) { assessment(id: $id) { componentProposals { toVersion } } }",
                Map.of("id", document)).path("componentProposals").toString().contains("\"toVersion\":" + next));

        signInAsKawasakiEditor();
        browser.driver.get(server.getURI().resolve("/app#/assessments/"
                + java.net.URLEncoder.encode(assessmentId, StandardCharsets.UTF_8)).toString());
        WebElement proposal = visible(By.xpath("//section[@data-proposal][contains(., '"
                + followed.path("component").path("name").asText() + "')][contains(., '→ 第" + next + "版')]"));
        assertThat(text(testId("component-uses"))).contains("第" + followed.path("version").asInt() + "版");
        assertThat(proposal.findElement(By.cssSelector("[data-testid='three-way']")).getText())
                .contains(NEW_VERSION_TEXT);
        // declining needs a reason: refused beside the proposal, nothing sent
        String shownProposal = proposal.getAttribute("data-proposal");
        proposal.findElement(By.xpath(".//button[contains(., '見送る')]")).click();
        wait.until(d -> d.findElement(By.cssSelector("section[data-proposal='" + shownProposal
                + "'] [data-testid='proposal-problem']")).getText().contains("理由"));
        proposal = visible(By.cssSelector("section[data-proposal='" + shownProposal + "']"));
        checkAccessibilityAndShoot("app-proposal");

        WebElement explanation = proposal.findElement(By.cssSelector("textarea[id^='adopt-explanation-']"));
        assertThat(explanation.getAttribute("value")).isEqualTo("中間サーバー・プラットフォームの更改に伴う変更");
        String proposalId = proposal.getAttribute("data-proposal");
        proposal.findElement(By.xpath(".//button[contains(., '採用する')]")).click();
        wait.until(d -> d.findElements(By.cssSelector("section[data-proposal='" + proposalId + "']")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector("section[data-proposal='" + proposalId + "']")))
                .as(() -> text(By.cssSelector("section[data-proposal='" + proposalId + "']"))).isEmpty();

        String useId = followed.path("useId").asText();
        JsonNode uses = callers.kawasakiEditor.data("assessment",
                "query($id: ID!) { assessment(id: $id) { componentUses { useId version } } }",
                Map.of("id", assessmentId)).path("componentUses");
        int adopted = 0;
        for (JsonNode use : uses) {
            if (use.path("useId").asText().equals(useId)) {
                adopted = use.path("version").asInt();
            }
        }
        assertThat(adopted).isEqualTo(next);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-use='" + useId + "']"), "第" + next + "版"));

        // another open proposal of the sample is put off until a date typed in 和暦, and stays listed as deferred
        By pending = By.xpath("//section[@data-proposal][.//*[@data-testid='proposal-status'][.='未判断']]");
        WebElement later = visible(pending);
        String laterId = later.getAttribute("data-proposal");
        later.findElement(By.cssSelector("input[id^='proposal-until-']")).sendKeys("令和8年4月1日");
        later.findElement(By.cssSelector("textarea[id^='proposal-reason-']")).sendKeys("次の更改で見直すため");
        later.findElement(By.xpath(".//button[contains(., '保留する')]")).click();
        By deferred = By.cssSelector("section[data-proposal='" + laterId + "'] [data-testid='proposal-status']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(deferred, "保留中"));
        assertThat(callers.kawasakiEditor.data("componentProposal", "query($id: ID!) { componentProposal(id: $id) { status deferredUntil } }",
                Map.of("id", laterId)).path("deferredUntil").asText()).isEqualTo("2026-04-01");
    }

    @Test
    @Order(3)
    void givenAPublishedFile_whenTheEditorImportsItWithTheFilePicker_thenTheReportShowsAndTheAssessmentOpens()
            throws IOException {
        Path file = Files.createTempDirectory("hyoka-import").resolve(Samples.KEY_ITEMS_003);
        Files.write(file, Samples.bytes(Samples.KEY_ITEMS_003));
        signInAsKawasakiEditor();

        // no file chosen: refused beside the picker
        click(By.xpath("//button[contains(., '取り込む')]"), null);
        assertThat(text(By.id("import-problem"))).contains("ファイル");
        visible(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        click(By.xpath("//button[contains(., '取り込む')]"), null);
        WebElement report = visible(testId("import-report"));
        browser.driver.executeScript("arguments[0].scrollIntoView()", report);
        checkAccessibilityAndShoot("app-import");

        // the same file through the API finds the UI's import, and its report has the numbers the screen shows
        JsonNode again = callers.kawasakiEditor.data("importDocument", """
                mutation($content: String!) { importDocument(input: {fileName: "003.txt", contentBase64: $content}) {
                  __typename ... on DocumentImported { assessment { id affairName }
                    report { rowsRead rowsMapped rowsWarned pastChanges itemPathsResolved alreadyImported } } } }""",
                Map.of("content", java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file))));
        assertThat(again.path("report").path("alreadyImported").asBoolean()).as(again.toString()).isTrue();
        JsonNode numbers = again.path("report");
        assertThat(numbers.path("rowsRead").asInt()).isPositive();
        assertThat(count(report, "rows-read")).isEqualTo(numbers.path("rowsRead").asInt());
        assertThat(count(report, "rows-mapped")).isEqualTo(numbers.path("rowsMapped").asInt());
        assertThat(count(report, "rows-warned")).isEqualTo(numbers.path("rowsWarned").asInt());
        assertThat(count(report, "unresolved"))
                .isEqualTo(numbers.path("pastChanges").asInt() - numbers.path("itemPathsResolved").asInt());

        report.findElement(testId("imported-link")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                again.path("assessment").path("affairName").asText()));
        assertThat(browser.driver.getCurrentUrl()).contains(
                java.net.URLEncoder.encode(again.path("assessment").path("id").asText(), StandardCharsets.UTF_8));
    }

    @Test
    @Order(4)
    void givenADateItem_whenTheEditorTypesAndStepsAnEraDateWithTheKeyboard_thenItShowsWarekiAndStoresIso()
            throws IOException {
        String assessmentId = startKeyItems("和暦の入力を試す事務");
        By dateInput = By.cssSelector("div[data-type='DATE'] input");
        openSectionWith(assessmentId, dateInput);
        WebElement field = visible(dateInput);
        WebElement item = field.findElement(By.xpath("./ancestor::div[@data-item-id]"));
        String itemId = item.getAttribute("data-item-id");

        field.click();
        field.sendKeys("令和７年4月1日");
        assertThat(item.findElement(testId("date-hint")).getText()).contains("2025-04-01");
        field.sendKeys(Keys.ARROW_UP);
        assertThat(field.getAttribute("value")).isEqualTo("令和7年4月2日");
        field.sendKeys(Keys.PAGE_UP);
        assertThat(field.getAttribute("value")).isEqualTo("令和7年5月2日");
        field.sendKeys(Keys.TAB);
        wait.until(d -> item.getText().contains("保存しました"));
        checkAccessibilityAndShoot("app-date");
        assertThat(answerDate(assessmentId, itemId)).isEqualTo("2025-05-02");

        // an impossible date: the widget says it cannot read it, the server refuses it beside the item, the text stays
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "令和7年2月29日");
        assertThat(item.findElement(testId("date-hint")).getText()).contains("読めません");
        field.sendKeys(Keys.TAB);
        wait.until(d -> !item.findElements(testId("item-problem")).isEmpty());
        assertThat(field.getAttribute("value")).isEqualTo("令和7年2月29日");
        assertThat(answerDate(assessmentId, itemId)).isEqualTo("2025-05-02");
    }

    @Test
    @Order(5)
    void givenASingleChoiceTakingACount_whenTheEditorChoosesItAndTypesTheCount_thenTheSelectionIsStored()
            throws IOException {
        String assessmentId = startKeyItems("選択肢の入力を試す事務");
        String file = callers.kawasakiEditor.data("addRepeatEntry", """
                mutation($id: ID!) { addRepeatEntry(input: {assessmentId: $id, expectedRevision: 1, groupId: "file"}) {
                  __typename ... on AssessmentEdited { addedEntryId } } }""", Map.of("id", assessmentId))
                .path("addedEntryId").asText();
        By consigning = By.cssSelector("div[data-item-id='file.consigning']");
        openSectionWith(assessmentId, consigning);
        WebElement item = visible(consigning);

        item.findElement(By.xpath(".//label[contains(., '委託する')]/input")).click();
        // the choice saves at once; the count is typed once that save has come back (the reload would reset the field)
        wait.until(d -> item.getText().contains("保存しました"));
        WebElement count = item.findElement(By.cssSelector("input[aria-label='委託するの件数']"));
        count.sendKeys("3", Keys.TAB);
        wait.until(d -> "3".equals(consigning(assessmentId, file).path("count").asText()));
        checkAccessibilityAndShoot("app-choice");

        JsonNode stored = consigning(assessmentId, file);
        assertThat(stored.path("code").asText()).isEqualTo("consigning");
        assertThat(stored.path("count").asInt()).isEqualTo(3);
    }

    private JsonNode consigning(String assessmentId, String file) {
        return callers.kawasakiEditor.data("assessment", """
                        query($id: ID!, $entries: [ID!]) { assessment(id: $id) {
                          answer(itemId: "file.consigning", entryIds: $entries) { value { ... on ChoiceValue { code count } } }
                        } }""", Map.of("id", assessmentId, "entries", List.of(file)))
                .path("answer").path("value");
    }

    private String startKeyItems(String affairName) {
        return callers.kawasakiEditor.data("startAssessment", """
                mutation($name: String!) { startAssessment(input: {kind: KEY_ITEMS, affairName: $name}) {
                  __typename ... on AssessmentEdited { assessment { id } } } }""", Map.of("name", affairName))
                .path("assessment").path("id").asText();
    }

    /** The assessment opened in the editor, at the first section of the side navigation that shows {@code what}. */
    private void openSectionWith(String assessmentId, By what) {
        signInAsKawasakiEditor();
        browser.driver.get(server.getURI().resolve("/app#/assessments/"
                + java.net.URLEncoder.encode(assessmentId, StandardCharsets.UTF_8)).toString());
        visible(By.cssSelector("nav button[data-section]"));
        for (WebElement section : browser.driver.findElements(By.cssSelector("nav button[data-section]"))) {
            section.click();
            wait.until(d -> "true".equals(section.getAttribute("aria-current")));
            if (!browser.driver.findElements(what).isEmpty()) {
                break;
            }
        }
    }

    private String answerDate(String assessmentId, String itemId) {
        return callers.kawasakiEditor.data("assessment", """
                        query($id: ID!, $item: ID!) {
                          assessment(id: $id) { answer(itemId: $item) { value { ... on DateValue { date } } } }
                        }""", Map.of("id", assessmentId, "item", itemId))
                .path("answer").path("value").path("date").asText();
    }

    private static int count(WebElement report, String key) {
        return Integer.parseInt(report.findElement(By.cssSelector("td[data-count='" + key + "']")).getText().trim());
    }

    /** A platform operator publishes the component's next version (its current text plus a sentence). */
    private int publishNextVersion(String component) {
        GraphQlClient operator = new GraphQlClient(server.getURI(),
                issuer.issue("op-ui", "運営 一郎", null, List.of("platform-operator")));
        JsonNode current = operator.data("sharedComponent", """
                query($id: ID!) { sharedComponent(id: $id) { currentVersion { number text slots { name label } } } }""",
                Map.of("id", component)).path("currentVersion");
        int next = current.path("number").asInt() + 1;
        List<Map<String, String>> slots = new java.util.ArrayList<>();
        current.path("slots").forEach(slot -> slots.add(Map.of("name", slot.path("name").asText(),
                "label", slot.path("label").asText())));
        JsonNode drafted = operator.data("draftComponentVersion", """
                mutation($input: DraftComponentVersionInput!) { draftComponentVersion(input: $input) {
                  __typename ... on Problem { message } } }""", Map.of("input", Map.of("componentId", component,
                "version", next, "text", current.path("text").asText() + "<p>" + NEW_VERSION_TEXT + "</p>",
                "effectiveFrom", "2026-04-01", "note", "UIの試験のための改訂", "timing", "AFTER",
                "explanation", "中間サーバー・プラットフォームの更改に伴う変更", "slots", slots)));
        assertThat(drafted.path("__typename").asText()).as(drafted.toString()).isEqualTo("SharedComponentChanged");
        for (String step : List.of("submitComponentVersion", "publishComponentVersion")) {
            assertThat(operator.data(step, "mutation($id: ID!, $version: Int!) { " + step
                    + "(input: {componentId: $id, version: $version}) { __typename } }",
                    Map.of("id", component, "version", next)).path("__typename").asText())
                    .isEqualTo("SharedComponentChanged");
        }
        return next;
    }

    /** The tab keeps its session (sessionStorage); a fresh one signs in from the demo list. */
    private void signInAsKawasakiEditor() {
        browser.driver.get(server.getURI().resolve("/app").toString());
        By signIn = By.cssSelector("button[data-user='demo-kawasaki-editor']");
        wait.until(d -> !d.findElements(signIn).isEmpty() || !d.findElements(testId("viewer")).isEmpty());
        if (!browser.driver.findElements(signIn).isEmpty()) {
            browser.driver.findElement(signIn).click();
        }
        visible(testId("viewer"));
    }

    /** The item edited before loses its answer (its section opened from the side navigation). */
    private void clearAnAnswer(String assessmentId, String itemId, List<String> entryIds) {
        browser.driver.findElements(By.cssSelector("nav button[data-section]")).get(0).click();
        WebElement answered = visible(By.cssSelector("div[data-item-id='" + itemId + "']"));
        answered.findElement(By.xpath(".//button[contains(., '回答を消す')]")).click();
        wait.until(d -> answered.findElements(By.xpath(".//button[contains(., '回答を消す')]")).isEmpty());
        assertThat(answerText(assessmentId, itemId, entryIds)).isEmpty();
    }

    /** An empty name is refused beside the field; a named one opens in the editor. */
    private void startAnAssessment() throws IOException {
        click(By.partialLinkText("Hyoka"), null);
        click(By.xpath("//button[contains(., '開始する')]"), null);
        assertThat(text(By.id("start-problem"))).isNotBlank();
        new org.openqa.selenium.support.ui.Select(visible(By.id("start-kind"))).selectByVisibleText("基礎項目評価書");
        visible(By.id("start-name")).sendKeys("UIから始めた事務");
        click(By.xpath("//button[contains(., '開始する')]"), null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "UIから始めた事務"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "基礎項目評価書"));
        visible(By.cssSelector("nav button[data-section]"));
    }

    /** The first section with a repeat group that may grow: an entry added, then removed again. */
    private void addAndRemoveARepeatEntry() {
        By add = By.xpath("//fieldset[@data-group]/button[contains(., 'を追加') and not(@disabled)]");
        for (WebElement section : browser.driver.findElements(By.cssSelector("nav button[data-section]"))) {
            section.click();
            wait.until(d -> "true".equals(section.getAttribute("aria-current")));
            List<WebElement> buttons = browser.driver.findElements(add);
            if (buttons.isEmpty()) {
                continue;
            }
            WebElement group = buttons.get(0).findElement(By.xpath("./parent::fieldset"));
            By entries = By.xpath("./div/div[@data-entry]");
            int before = group.findElements(entries).size();
            buttons.get(0).click();
            wait.until(d -> group.findElements(entries).size() == before + 1);
            List<WebElement> now = group.findElements(entries);
            now.get(now.size() - 1).findElement(By.xpath(".//button[contains(., 'を削除')]")).click();
            wait.until(d -> group.findElements(entries).size() == before);
            return;
        }
        throw new AssertionError("no section of the sample has a repeat group that may grow");
    }

    private void search(String term) {
        WebElement box = visible(By.id("search"));
        box.sendKeys(term, Keys.ENTER);
        WebElement results = visible(By.cssSelector("[data-testid='search-results'] li a"));
        assertThat(results.getText()).isNotBlank();
        assertThat(text(By.cssSelector("[data-testid='search-results']"))).contains("件見つかりました");
    }

    private int revision(String assessmentId) {
        return callers.kawasakiEditor2.data("assessment", "query($id: ID!) { assessment(id: $id) { revision } }",
                Map.of("id", assessmentId)).path("revision").asInt();
    }

    private String answerText(String assessmentId, String itemId, List<String> entryIds) {
        return callers.kawasakiEditor.data("assessment", """
                        query($id: ID!, $item: ID!, $entries: [ID!]) {
                          assessment(id: $id) {
                            answer(itemId: $item, entryIds: $entries) { value { ... on TextValue { text } } }
                          }
                        }""", Map.of("id", assessmentId, "item", itemId, "entries", entryIds))
                .path("answer").path("value").path("text").asText();
    }

    /** The text of the file behind an export link (a blob: URL the page made from exportDocument's content). */
    private String download(String format) {
        visible(By.cssSelector("a[data-format='" + format + "']"));
        return (String) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector(`a[data-format='${arguments[0]}']`).href).then(r => r.text()).then(done);
                """, format);
    }

    /** Selects what the field holds and types over it, then leaves the field (which saves it). */
    private void replace(WebElement field, String text) {
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, text, Keys.TAB);
        if (!field.getAttribute("value").equals(text)) {
            throw new AssertionError("typing did not reach the field: " + field.getAttribute("value"));
        }
    }

    private static List<String> entries(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private String text(By locator) {
        return visible(locator).getText();
    }

    private void click(By locator, String screenshotFirst) throws IOException {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        if (screenshotFirst != null) {
            checkAccessibilityAndShoot(screenshotFirst);
        }
        element.click();
    }

    /** axe-core (npm, the version hyoka-web pins) in the page: no serious or critical WCAG 2.2 A/AA violation. */
    private void checkAccessibilityAndShoot(String name) throws IOException {
        browser.screenshot(name);
        browser.driver.executeScript(Files.readString(AXE));
        Object violations = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                  .then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))));
                """);
        assertThat(violations).as("axe-core on " + name).asList().isEmpty();
    }
}
