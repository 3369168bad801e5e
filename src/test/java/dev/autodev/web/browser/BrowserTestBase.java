package dev.autodev.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.autodev.testsupport.AgentIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every dashboard browser test shares: the system's chromium ({@code /usr/bin/chromium}, or {@code CHROMIUM_BIN})
 * driven by Playwright, which downloads no browser; a fresh context and page per test, so localStorage does not leak
 * between tests; the dashboard opened and live before the test starts; a picture of the page when a test fails.
 * Without a chromium the tests fail (never skip): {@code .ci/run} installs it. Screenshots land in
 * {@code target/screenshots/}.
 *
 * <p>One browser per test class, held by the class's single instance rather than in static fields: the test classes
 * run concurrently, and a static browser here would be shared by (and closed under) all of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase extends AgentIntegrationTest {

    protected static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    protected static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Playwright playwright;
    protected Browser browser;

    protected BrowserContext context;
    protected Page page;
    protected String testName;

    @BeforeAll
    void launchChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("No chromium at " + CHROMIUM + ": the dashboard browser tests need it. "
                    + "Install it (Debian: apt-get install -y chromium; .ci/run does) or point CHROMIUM_BIN at one.");
        }
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // launch() gives each browser a fresh temporary user-data dir of its own, removed on close.
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @AfterAll
    void closeChromium() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @BeforeEach
    void openBrowserPage(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        newPage(contextOptions());
        if (startsOnDashboard()) openDashboard("/");
    }

    /** A failed test leaves a picture of the page as it was (this runs before {@code @AfterEach} closes it). */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = extension -> {
        if (extension.getExecutionException().isPresent() && page != null && !page.isClosed()) screenshot("FAILED");
    };

    @AfterEach
    void closeContext() {
        if (context != null) context.close();
    }

    /** The options of each test's context; by default a desktop-sized window. */
    protected Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setViewportSize(1400, 900);
    }

    /** Hook for a class that needs something in every context before the first page opens (init scripts). */
    protected void prepareContext(BrowserContext fresh) {
    }

    /** Whether each test starts on the dashboard's root, live; a class that navigates itself says no. */
    protected boolean startsOnDashboard() {
        return true;
    }

    /** Closes the current context and opens a fresh one at {@code width} x {@code height}, on the live dashboard. */
    protected Page reopenAt(int width, int height) {
        if (context != null) context.close();
        newPage(contextOptions().setViewportSize(width, height));
        openDashboard("/");
        return page;
    }

    /** Navigates to {@code path} of the dashboard and waits until its live connection is up. */
    protected void openDashboard(String path) {
        Response index = page.navigate(dashboardUrl(path));
        assertThat(index.status())
                .as("the dashboard is not on the classpath (target/classes/static): build once without -Dfrontend.skip")
                .isEqualTo(200);
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live");
    }

    protected String dashboardUrl(String path) {
        return "http://127.0.0.1:" + localPort() + path;
    }

    protected void screenshot(String moment) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(screenshotName(moment) + ".png")));
    }

    /** The file name (without extension) of a screenshot taken at {@code moment}. */
    protected String screenshotName(String moment) {
        return getClass().getSimpleName() + "-" + testName + "-" + moment;
    }

    private void newPage(Browser.NewContextOptions options) {
        context = browser.newContext(options);
        context.setDefaultTimeout(15_000);
        prepareContext(context);
        page = context.newPage();
    }
}
