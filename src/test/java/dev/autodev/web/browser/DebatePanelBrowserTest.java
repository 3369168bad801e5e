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
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Debate pages in a real headless Chromium, against the whole server running both real CLIs. */
class DebatePanelBrowserTest extends AgentIntegrationTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Two rounds of two real CLIs each, on a machine that may be busy. */
    private static final double DEBATE_TIMEOUT_MS = 120_000;

    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;

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

    @AfterEach
    void closeContext() {
        if (context != null) context.close();
    }

    @Test
    void aDebateCreatedFromThePanelFillsInItsRoundsUntilConsensus() {
        String marker = newMarker();
        String claudeFirst = "claude-first " + UUID.randomUUID();
        String codexFirst = "codex-first " + UUID.randomUUID();
        MODEL.script(codexFirst, verdict("agree", "Both: use a queue."), Step.text("Agreed."));
        OPENAI.script(claudeFirst, ResponseStep.toolSearch("submit a verdict"),
                ResponseStep.mcpTool("submit_verdict", Map.of("verdict", "agree", "position", "Queue, agreed.")),
                ResponseStep.text("Agreed."));
        MODEL.script(marker, verdict("partial", claudeFirst), Step.text("Maybe a queue."));
        OPENAI.script(marker, ResponseStep.toolSearch("submit a verdict"),
                ResponseStep.mcpTool("submit_verdict", Map.of("verdict", "disagree", "position", codexFirst)),
                ResponseStep.text("A queue, surely."));

        Page page = open(1400, 900);
        page.getByTestId("debates-button").click();
        assertThat(page.getByTestId("debates-page")).isVisible();
        page.getByTestId("debate-new").click();
        page.getByTestId("debate-task").fill("Queue or lock? " + marker);
        page.getByTestId("debate-codex-model").fill("gpt-5.5");
        page.getByTestId("debate-max-rounds").fill("2");
        screenshot(page, "form");
        Response created = page.waitForResponse(r -> r.url().endsWith("/api/debates") && r.request().method().equals("POST"),
                () -> page.getByTestId("debate-submit").click());
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        assertThat(page.getByTestId("debate-panel")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/debates/[0-9a-f-]+$"));
        LocatorAssertions.IsVisibleOptions slow = new LocatorAssertions.IsVisibleOptions().setTimeout(DEBATE_TIMEOUT_MS);
        Locator first = page.getByTestId("debate-round-1-1");
        assertThat(first.getByTestId("debate-diverged")).isVisible(slow);
        assertThat(first.getByTestId("debate-turn-claude").getByTestId("debate-verdict")).hasText("partial");
        assertThat(first.getByTestId("debate-turn-codex").getByTestId("debate-verdict")).hasText("disagree");
        screenshot(page, "round-one");
        assertThat(page.getByTestId("debate-status")).hasText("consensus",
                new LocatorAssertions.HasTextOptions().setTimeout(DEBATE_TIMEOUT_MS));
        Locator second = page.getByTestId("debate-round-1-2");
        assertThat(second.getByTestId("debate-turn-claude").getByTestId("debate-verdict")).hasText("agree");
        assertThat(second.getByTestId("debate-turn-codex").getByTestId("debate-verdict")).hasText("agree");
        assertThat(page.getByTestId("debate-conclusion")).containsText("round 2");
        assertThat(page.getByTestId("debate-cancel")).hasCount(0);
        screenshot(page, "consensus");

        // The same debate on a phone: one column, both sides named.
        String url = page.url();
        Page phone = open(390, 844);
        phone.navigate(url);
        assertThat(phone.getByTestId("debate-round-1-2")).isVisible();
        assertThat(phone.getByTestId("debate-round-1-2").getByTestId("debate-turn-codex")).containsText("Codex");
        double width = ((Number) phone.evaluate("document.documentElement.scrollWidth")).doubleValue();
        assertThat(width).as("nothing wider than the phone").isLessThanOrEqualTo(390);
        screenshot(phone, "phone");
    }

    private static Step verdict(String verdict, String position) {
        return Step.toolUse("mcp__orchestrator__submit_verdict", Map.of("verdict", verdict, "position", position));
    }

    private Page open(int width, int height) {
        if (context != null) context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        Response index = page.navigate("http://127.0.0.1:" + localPort() + "/");
        assertThat(index.status()).as("the dashboard is not built: run once without -Dfrontend.skip").isEqualTo(200);
        return page;
    }

    private static void screenshot(Page page, String moment) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("DebatePanelBrowserTest-" + moment + ".png")));
    }
}
