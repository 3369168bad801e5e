package dev.autodev.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.autodev.testsupport.DebateRequestBuilder.aDebate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Debate pages in a real headless Chromium, against the whole server running both real CLIs. */
class DebatePanelBrowserTest extends BrowserTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Test
    void aDebatesPageShowsAChangeMadeElsewhereAtOnceWithoutReloadingOrPolling() {
        String marker = newMarker();
        // Both sides wait on the model, so nothing about the debate changes until it is cancelled below.
        MODEL.script(marker, Step.text("Thinking slowly.").afterDelay(Duration.ofSeconds(120)));
        OPENAI.script(marker, ResponseStep.text("Thinking slowly.").afterDelay(Duration.ofSeconds(120)));
        Api.Response created = api.post("/api/debates", aDebate("Slow question " + marker).withRounds(1).body());
        String id = created.body().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> MODEL.requestsFor(marker).size() >= 1 && OPENAI.requestsFor(marker).size() >= 1);

        Page page = reopenAt(1400, 900);
        List<String> reads = new CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if (r.method().equals("GET") && r.url().contains("/api/debates/" + id)) reads.add(r.url());
        });
        page.getByTestId("debates-button").click();
        Locator row = page.getByTestId("debate-row-" + id);
        assertThat(row).containsText("debating");
        row.click();
        assertThat(page.getByTestId("debate-round-1-1").getByTestId("debate-turn-codex")).isVisible();
        assertThat(page.getByTestId("debate-status")).hasText("debating");
        page.evaluate("window.__samePage = true");

        // Nothing changes while both models think: a page that polled would ask again meanwhile (every 2 s it did).
        int readsBefore = reads.size();
        page.waitForTimeout(6_000);
        assertThat(reads).as("no reads while nothing changes").hasSize(readsBefore);

        Api.Response cancelled = api.post("/api/debates/" + id + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(page.getByTestId("debate-status")).hasText("cancelled");
        assertThat(page.getByTestId("debate-cancel")).hasCount(0);
        assertThat(page.evaluate("window.__samePage === true")).as("the page was not reloaded").isEqualTo(true);
        screenshot("cancelled-elsewhere");

        // The list, too, follows the change without a reload.
        page.getByTestId("debates-button").click();
        assertThat(page.getByTestId("debate-row-" + id)).containsText("cancelled");
    }

    @Test
    void aBatchRunInDebateModeSendsTheDebateSettingsTheBatchPanelAsksFor() {
        String marker = newMarker();
        // The sides wait on the model: this test is about what the debates were started with, and cancels them.
        MODEL.script(marker, Step.text("Thinking slowly.").afterDelay(Duration.ofSeconds(120)));
        OPENAI.script(marker, ResponseStep.text("Thinking slowly.").afterDelay(Duration.ofSeconds(120)));
        Page page = reopenAt(1400, 900);
        page.getByTestId("batches-button").click();
        page.getByTestId("batch-new").click();
        page.getByTestId("batch-field-name").fill("Debated " + marker);
        page.getByTestId("batch-field-items").fill("First question " + marker + "\nSecond question " + marker);
        page.getByTestId("batch-save").click();

        Locator form = page.getByTestId("batch-run-form");
        page.getByTestId("batch-run-mode").selectOption("debate");
        assertThat(form.getByTestId("batch-run-maxTurns")).hasCount(0);
        form.getByTestId("debate-codex-model").fill("gpt-5.5");
        form.getByTestId("debate-max-rounds").fill("2");
        form.getByTestId("debate-loop-count").fill("2");
        form.getByTestId("debate-post-action").fill("Write the answer down");
        form.getByTestId("debate-post-action-role").selectOption("codex");
        form.getByTestId("debate-verification").check();
        screenshot("batch-debate-form");
        Response run = page.waitForResponse(r -> r.url().endsWith("/run") && r.request().method().equals("POST"),
                () -> form.getByTestId("batch-run-submit").click());
        assertThat(run.status()).as(run.text()).isEqualTo(201);

        List<String> debateIds = JSON.readTree(run.text()).get("debateIds").valueStream().map(d -> d.asString()).toList();
        assertThat(debateIds).hasSize(2);
        for (String id : debateIds) {
            JsonNode debate = api.get("/api/debates/" + id).body();
            assertThat(debate.get("codexModel").asString()).as("gpt-5.5, as Codex runs it").isEqualTo("codex-gpt-5.5");
            assertThat(debate.get("maxRounds").asInt()).isEqualTo(2);
            assertThat(debate.get("loopCount").asInt()).isEqualTo(2);
            assertThat(debate.get("postActionPrompt").asString()).isEqualTo("Write the answer down");
            assertThat(debate.get("postActionRole").asString()).isEqualTo("codex");
            assertThat(debate.get("verification").asBoolean()).isTrue();
            api.post("/api/debates/" + id + "/cancel", null);
        }
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
