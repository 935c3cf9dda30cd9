package jp.hyoka.server.support;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium for browser tests: Debian's /usr/bin/chromium driven through /usr/bin/chromedriver by
 * Selenium, in a fresh profile, with no network but loopback. Names other than localhost do not resolve
 * ({@code --host-resolver-rules}), and an address given as digits goes to a proxy on a closed loopback port that
 * refuses it ({@code --proxy-server}; Chromium never sends loopback through a proxy). A missing Chromium fails the
 * test, with the command that installs it (infra/scripts/install-chromium.sh, run by infra/test.sh).
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Pattern REQUESTED_URL =
            Pattern.compile("\"method\":\"Network\\.requestWillBeSent\".*?\"request\":\\{.*?\"url\":\"([^\"]*)\"");

    public final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(CHROMIUM + " or " + CHROMEDRIVER + " is missing: the browser tests need "
                    + "Debian's chromium and chromium-driver (infra/scripts/install-chromium.sh, run by infra/test.sh)");
        }
        try {
            Path profile = Files.createTempDirectory("hyoka-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,900", "--user-data-dir=" + profile,
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
                    "--proxy-server=http://127.0.0.1:9");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every URL the pages asked for since the last call (Chromium's network log). Chromium's own pages (chrome://,
     * such as the new-tab page it may still be loading from its start when a test begins) are left out: they are
     * served from inside the browser, never over a network.
     */
    public List<String> requestedUrls() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(LogEntry::getMessage)
                .map(REQUESTED_URL::matcher)
                .filter(Matcher::find)
                .map(match -> match.group(1))
                .filter(url -> !url.startsWith("chrome://"))
                .toList();
    }

    /** The page as a PNG under target/screenshots (Maven runs the tests in the module's directory). */
    public Path screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            File taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(taken.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
