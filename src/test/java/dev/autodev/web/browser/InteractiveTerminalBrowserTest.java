package dev.autodev.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.autodev.testsupport.AgentIntegrationTest;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Terminal tab of an interactive job in headless Chromium: xterm.js on the terminal socket, showing the real
 * Claude Code terminal UI (against the scripted model) and typing into it. Screenshots land in
 * {@code target/screenshots/}.
 */
class InteractiveTerminalBrowserTest extends AgentIntegrationTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final double AGENT_TIMEOUT_MS = 60_000;

    private static Playwright playwright;
    private static Browser browser;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launchChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("No chromium at " + CHROMIUM + ": install it (apt-get install -y chromium) or set CHROMIUM_BIN.");
        }
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking")));
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @BeforeEach
    void openDashboard() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        Response index = page.navigate("http://127.0.0.1:" + localPort() + "/");
        assertThat(index.status()).as("build the dashboard once without -Dfrontend.skip").isEqualTo(200);
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live");
    }

    @AfterEach
    void closeContext() {
        if (context != null) context.close();
    }

    @Test
    void anInteractiveJobShowsItsTerminalTakesTypingAndTurnsBlueWhenIdle() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Hello from the terminal ZETA-1"), Step.text("You typed it ZETA-2"));

        page.getByTestId("new-job-button").click();
        page.getByTestId("job-field-description").fill("Talk to me " + marker);
        page.getByTestId("job-field-interactive").check();
        Response created = page.waitForResponse(r -> r.url().endsWith("/api/jobs") && r.request().method().equals("POST"),
                () -> page.getByTestId("job-form-submit").click());
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        // The panel opens on the Terminal tab; the answer is drawn by xterm.js from the real CLI's screen.
        Locator terminal = page.getByTestId("terminal");
        assertThat(page.getByTestId("agent-tab-terminal")).hasAttribute("aria-selected", "true");
        assertThat(terminal).containsText("ZETA-1", new LocatorAssertions.ContainsTextOptions().setTimeout(AGENT_TIMEOUT_MS));
        assertThat(page.getByTestId("terminal-state")).hasText("connected");
        assertThat(page.getByTestId("job-card").filter(new Locator.FilterOptions().setHasText(marker.substring(1, 20))))
                .hasClass(Pattern.compile("card-idle"), new LocatorAssertions.HasClassOptions().setTimeout(AGENT_TIMEOUT_MS));
        screenshot("first-answer");

        terminal.click();
        page.keyboard().type("what did I type?");
        page.keyboard().press("Enter");
        assertThat(terminal).containsText("ZETA-2", new LocatorAssertions.ContainsTextOptions().setTimeout(AGENT_TIMEOUT_MS));
        screenshot("typed-answer");

        page.getByTestId("terminal-disconnect").click();
        assertThat(page.getByTestId("terminal-state")).hasText("disconnected");
        page.getByTestId("terminal-reconnect").click();
        assertThat(page.getByTestId("terminal-state")).hasText("connected");
        assertThat(terminal).containsText("ZETA-2", new LocatorAssertions.ContainsTextOptions().setTimeout(AGENT_TIMEOUT_MS));
    }

    private void screenshot(String moment) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + moment + ".png")));
    }
}
