package dev.autodev.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.autodev.testsupport.fakemodel.Step;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Terminal tab of an interactive job in headless Chromium: xterm.js on the terminal socket, showing the real
 * Claude Code terminal UI (against the scripted model) and typing into it. Screenshots land in
 * {@code target/screenshots/}.
 */
class InteractiveTerminalBrowserTest extends BrowserTestBase {

    private static final double AGENT_TIMEOUT_MS = 60_000;

    /** One test here, so its screenshots are named by the class alone. */
    @Override
    protected String screenshotName(String moment) {
        return getClass().getSimpleName() + "-" + moment;
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
}
