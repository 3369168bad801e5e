package dev.autodev.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.autodev.workflows.PhaseScripts.assess;
import static dev.autodev.workflows.PhaseScripts.codexReview;
import static dev.autodev.workflows.PhaseScripts.implement;
import static dev.autodev.workflows.PhaseScripts.phase;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.GitRepos;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The autonomous-run views in a real headless Chromium against the whole server and the real CLIs: a run created
 * from the dashboard ticks off its milestones as the agents work, and its plan opens with the boxes checked.
 */
class WorkflowBrowserTest extends BrowserTestBase {

    private static final LocatorAssertions.ContainsTextOptions LONG = new LocatorAssertions.ContainsTextOptions().setTimeout(150_000);

    @Test
    void aRunCreatedFromTheDashboardTicksOffItsMilestonesAndShowsItsPlan() {
        String marker = newMarker();
        GitRepos.Cloned repo = GitRepos.cloneWithInitialCommit(ROOT.resolve("repos").resolve(UUID.randomUUID().toString()));
        MODEL.script(phase(marker, "assess, cycle 0"), assess(2));
        OPENAI.script(phase(marker, "review, cycle 1"), codexReview("ok"));
        MODEL.script(phase(marker, "implement, cycle 1"), implement(1, 2));
        // The second cycle's review takes a moment, so the page shows one milestone done before it shows two.
        OPENAI.script(phase(marker, "review, cycle 2"), codexReview("ok")[0].afterDelay(Duration.ofSeconds(5)), codexReview("ok")[1]);
        MODEL.script(phase(marker, "implement, cycle 2"), implement(2, 2));

        page.getByTestId("workflows-button").click();
        assertThat(page.getByTestId("workflows-panel")).isVisible();
        page.getByTestId("new-workflow-button").click();
        page.getByTestId("workflow-field-task").fill("Write two files " + marker);
        page.getByTestId("workflow-field-workDir").fill(repo.checkout().toString());
        screenshot("workflow-form");
        Response created = page.waitForResponse(r -> r.url().endsWith("/api/workflows") && r.request().method().equals("POST"),
                () -> page.getByTestId("workflow-submit").click());
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        assertThat(page.getByTestId("workflow-view")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/workflows/[0-9a-f-]+$"));
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        Locator progress = page.getByTestId("workflow-progress");
        assertThat(progress).containsText("1 / 2 milestones", LONG);
        screenshot("workflow-one-milestone");
        assertThat(progress).containsText("2 / 2 milestones", LONG);
        assertThat(page.getByTestId("workflow-state")).hasAttribute("data-status", "done",
                new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(page.getByTestId("workflow-pr")).hasAttribute("href", FAKE_PR_URL);

        page.getByTestId("workflow-tab-plan").click();
        assertThat(page.getByTestId("milestone")).hasCount(2);
        assertThat(page.getByTestId("milestone").first()).hasAttribute("data-done", "true");
        assertThat(page.getByTestId("milestone").last()).hasAttribute("data-done", "true");
        page.getByTestId("workflow-tab-jobs").click();
        assertThat(page.getByTestId("job-card")).hasCount(5);
        screenshot("workflow-done");

        // Back in the list, the run shows as done with both milestones.
        page.getByTestId("workflow-close").click();
        assertThat(page.locator("[data-testid=workflow-row][data-workflow-id='" + id + "']")).hasAttribute("data-status", "done");

        // At phone width the run's page still fits: progress and plan readable without sideways scrolling.
        page.setViewportSize(390, 844);
        page.navigate("http://127.0.0.1:" + localPort() + "/workflows/" + id);
        assertThat(page.getByTestId("workflow-progress")).isVisible();
        assertThat(page.getByTestId("milestone")).hasCount(2);
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("phone");
    }

    @Test
    void theRunsPagesShowAChangeMadeElsewhereAtOnceWithoutReloadingOrPolling() {
        String marker = newMarker();
        GitRepos.Cloned repo = GitRepos.cloneWithInitialCommit(ROOT.resolve("repos").resolve(UUID.randomUUID().toString()));
        // The assess phase waits on the model, so nothing about the run changes until it is cancelled below.
        MODEL.script(phase(marker, "assess, cycle 0"), Step.text("Thinking slowly.").afterDelay(Duration.ofSeconds(120)));
        Api.Response created = api.post("/api/workflows", Map.of("task", "Think slowly " + marker,
                "workDir", repo.checkout().toString()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().get("id").asString();
        String assessJob = created.body().get("jobs").get(0).get("id").asString();
        awaitRun(assessJob, "running");

        List<String> reads = new CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if (r.method().equals("GET") && r.url().contains("/api/workflows/" + id)) reads.add(r.url());
        });
        page.getByTestId("workflows-button").click();
        Locator row = page.locator("[data-testid=workflow-row][data-workflow-id='" + id + "']");
        assertThat(row).hasAttribute("data-status", "running");
        row.getByTestId("workflow-link").click();
        assertThat(page.getByTestId("workflow-state")).hasAttribute("data-status", "running");
        page.evaluate("window.__samePage = true");

        // Nothing changes while the model thinks: a page that polled would ask again meanwhile (every 2 s it did).
        int readsBefore = reads.size();
        page.waitForTimeout(6_000);
        assertThat(reads).as("no reads while nothing changes").hasSize(readsBefore);

        Api.Response cancelled = api.post("/api/workflows/" + id + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(page.getByTestId("workflow-state")).hasAttribute("data-status", "cancelled");
        assertThat(page.getByTestId("workflow-cancel")).hasCount(0);
        assertThat(page.evaluate("window.__samePage === true")).as("the page was not reloaded").isEqualTo(true);
        screenshot("cancelled-elsewhere");

        page.getByTestId("workflow-close").click();
        assertThat(row).hasAttribute("data-status", "cancelled");
    }

    /** Whole-page pictures, named by the moment alone. */
    @Override
    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workflow-" + name + ".png")).setFullPage(true));
    }
}
