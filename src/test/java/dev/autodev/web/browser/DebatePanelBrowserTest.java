package dev.autodev.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Debate pages in a real headless Chromium, against the whole server running both real CLIs. */
class DebatePanelBrowserTest extends BrowserTestBase {

    /** Two rounds of two real CLIs each, on a machine that may be busy. */
    private static final double DEBATE_TIMEOUT_MS = 120_000;

    /** Each test opens the window size it needs itself. */
    @Override
    protected boolean startsOnDashboard() {
        return false;
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

        Page page = reopenAt(1400, 900);
        page.getByTestId("debates-button").click();
        assertThat(page.getByTestId("debates-page")).isVisible();
        page.getByTestId("debate-new").click();
        page.getByTestId("debate-task").fill("Queue or lock? " + marker);
        page.getByTestId("debate-codex-model").fill("gpt-5.5");
        page.getByTestId("debate-max-rounds").fill("2");
        screenshot("form");
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
        screenshot("round-one");
        assertThat(page.getByTestId("debate-status")).hasText("consensus",
                new LocatorAssertions.HasTextOptions().setTimeout(DEBATE_TIMEOUT_MS));
        Locator second = page.getByTestId("debate-round-1-2");
        assertThat(second.getByTestId("debate-turn-claude").getByTestId("debate-verdict")).hasText("agree");
        assertThat(second.getByTestId("debate-turn-codex").getByTestId("debate-verdict")).hasText("agree");
        assertThat(page.getByTestId("debate-conclusion")).containsText("round 2");
        assertThat(page.getByTestId("debate-cancel")).hasCount(0);
        screenshot("consensus");

        // The same debate on a phone: one column, both sides named.
        String url = page.url();
        Page phone = reopenAt(390, 844);
        phone.navigate(url);
        assertThat(phone.getByTestId("debate-round-1-2")).isVisible();
        assertThat(phone.getByTestId("debate-round-1-2").getByTestId("debate-turn-codex")).containsText("Codex");
        double width = ((Number) phone.evaluate("document.documentElement.scrollWidth")).doubleValue();
        assertThat(width).as("nothing wider than the phone").isLessThanOrEqualTo(390);
        screenshot("phone");
    }

    private static Step verdict(String verdict, String position) {
        return Step.toolUse("mcp__orchestrator__submit_verdict", Map.of("verdict", verdict, "position", position));
    }

    /** Screenshots named by the class and the moment. */
    @Override
    protected String screenshotName(String moment) {
        return "DebatePanelBrowserTest-" + moment;
    }
}
