package dev.autodev.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.workflows.PhaseScripts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fleet views in a real headless Chromium: search, timeline, graph, usage and the needs-you notifications,
 * over jobs the real Claude Code CLI ran. Screenshots land in {@code target/screenshots/}.
 */
class FleetViewsBrowserTest extends BrowserTestBase {

    private static final double AGENT_TIMEOUT_MS = 45_000;
    /** Records every desktop notification the page raises, around the browser's own Notification. */
    private static final String RECORD_NOTIFICATIONS = """
            (() => {
              const Real = window.Notification;
              window.__raised = [];
              window.Notification = class extends Real {
                constructor(title, options) { super(title, options); window.__raised.push({ title, body: options && options.body }); }
              };
            })();""";

    @Override
    protected Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setPermissions(List.of("notifications"));
    }

    @Override
    protected void prepareContext(BrowserContext fresh) {
        fresh.addInitScript(RECORD_NOTIFICATIONS);
    }

    /** Each test opens the view it is about itself. */
    @Override
    protected boolean startsOnDashboard() {
        return false;
    }

    @Test
    void searchFindsWhatAnAgentSaidAndAHitOpensTheRunAtThatEvent() {
        String word = "w" + UUID.randomUUID().toString().replace("-", "");
        String marker = newMarker();
        MODEL.script(marker, Step.text("Looked into " + word + ": the cache key is wrong."), Step.text("done"));
        String jobId = awaitDone(createJob(aJob("Investigate the cache " + marker)));

        open("/search");
        assertThat(page.getByTestId("search-empty")).isVisible();
        page.getByTestId("search-input").fill(word);
        page.getByTestId("search-submit").click();
        assertThat(page).hasURL(dashboardUrl("/search?q=" + word));
        Locator hit = page.getByTestId("search-hit").first();
        assertThat(hit.locator("mark")).hasText(word);
        assertThat(hit).containsText("Investigate the cache");
        screenshot("hits");

        String seq = hit.getAttribute("data-seq");
        hit.locator("a").click();
        assertThat(page.getByTestId("agent-panel")).hasAttribute("data-job-id", jobId);
        Locator focused = page.locator("[data-testid=output-entry][data-focused=true]");
        assertThat(focused).hasAttribute("data-seq", seq);
        assertThat(focused).containsText(word);
        assertThat(focused).isInViewport();
        screenshot("opened-at-event");

        page.navigate(dashboardUrl("/search?q=" + enc("\"unbalanced")));
        assertThat(page.getByTestId("search-error")).containsText("FTS5");
    }

    @Test
    void theTimelineDrawsRunsAsBarsAndABarOpensItsJob() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Timed.").afterDelay(Duration.ofSeconds(2)));
        String jobId = awaitDone(createJob(aJob("Take some time " + marker)));
        JsonNode run = job(jobId).get("runs").get(0);
        Instant start = Instant.parse(run.get("startedAt").asString());
        Instant end = Instant.parse(run.get("finishedAt").asString());
        // A window just around this run, so its bar spans nearly the whole width.
        long margin = Math.max(50, Duration.between(start, end).toMillis() / 20);

        open("/timeline?from=" + start.minusMillis(margin) + "&to=" + end.plusMillis(margin));
        Locator rows = page.getByTestId("timeline-row");
        assertThat(page.locator("[data-testid=timeline-row][data-job-id='" + jobId + "']")).hasCount(1);
        int row = rowIndex(rows, jobId);
        int count = rows.count();
        screenshot("window-around-one-run");

        Locator chart = page.getByTestId("timeline-chart");
        BoundingBox box = chart.boundingBox();
        // The plot sits between 12 px from the top and 56 px from the bottom; rows share it evenly.
        double rowHeight = (box.height - 68) / count;
        chart.click(new Locator.ClickOptions().setPosition(box.width * 0.7, 12 + rowHeight * (row + 0.5)));
        assertThat(page).hasURL(dashboardUrl("/jobs/" + jobId));
        assertThat(page.getByTestId("agent-panel")).hasAttribute("data-job-id", jobId);

        open("/timeline");
        assertThat(page.getByTestId("timeline-window-24")).hasClass(java.util.regex.Pattern.compile("chip-on"));
        assertThat(page.getByTestId("timeline-chart").locator("canvas")).isVisible();
        screenshot("last-24h");
    }

    @Test
    void theGraphLaysOutLinkedJobsColouredByStatusAndANodeOpensItsJob() {
        String first = newMarker();
        String second = newMarker();
        MODEL.script(first, Step.text("first"));
        MODEL.script(second, Step.error(500, "api_error", "broken on purpose"));
        String a = createJob(aJob("Graph first " + first)).get("id").asString();
        String b = createJob(aJob("Graph second " + second).dependingOn(a)).get("id").asString();
        awaitJob(b, "failed");

        open("/graph?days=1");
        Locator nodeA = page.locator("[data-testid=graph-node][data-job-id='" + a + "']");
        Locator nodeB = page.locator("[data-testid=graph-node][data-job-id='" + b + "']");
        assertThat(nodeA).hasAttribute("data-status", "done");
        assertThat(nodeB).hasAttribute("data-status", "failed");
        assertThat(nodeB).hasClass(java.util.regex.Pattern.compile("graph-node-danger"));
        assertThat(page.locator(".react-flow__edge")).not().hasCount(0);
        // Laid out left to right along the link: the dependency stands left of its dependant.
        assertThat(nodeA.boundingBox().x).isLessThan(nodeB.boundingBox().x);
        screenshot("graph");

        nodeB.click();
        assertThat(page).hasURL(dashboardUrl("/jobs/" + b));
    }

    @Test
    void aPageOpenedOnTheGraphReadsItOnceAndGoesLiveOnceItIsDrawn() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("done"));
        String jobId = awaitDone(createJob(aJob("Graph opened directly " + marker)));
        // The requests the page makes, in order: the graph's own, and the live snapshot the connection reads.
        List<String> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            String path = java.net.URI.create(request.url()).getPath();
            if (path.equals("/api/graph") || path.equals("/api/live/snapshot")) reads.add(path);
        });

        open("/graph?days=1");

        assertThat(page.locator("[data-testid=graph-node][data-job-id='" + jobId + "']")).isVisible();
        // Read once, as the page opened (not again by the view), before the live connection read its snapshot.
        assertThat(reads).as(reads.toString()).startsWith("/api/graph", "/api/live/snapshot");
        assertThat(page.getByTestId("graph-summary")).hasAttribute("data-layout-done", "true");
        // Switching the window reads the graph anew.
        page.getByTestId("graph-window-7").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.stream().filter("/api/graph"::equals).count() >= 2);
        assertThat(page.locator("[data-testid=graph-node][data-job-id='" + jobId + "']")).isVisible();
    }

    @Test
    void usageShowsAChartPerDimensionOverAChosenRange() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("Spent a little.").withUsage(5000, 300));
        awaitDone(createJob(aJob("Spend " + marker)));

        open("/usage");
        assertThat(page.getByTestId("usage-chart-day").locator("canvas").first()).isVisible();
        assertThat(page.getByTestId("usage-chart-agent")).isVisible();
        assertThat(page.getByTestId("usage-chart-model")).isVisible();
        // Other tests' jobs may sit in projects and templates; either way the section is there.
        assertThat(page.getByTestId("usage-no-projects").or(page.getByTestId("usage-chart-project"))).isVisible();
        assertThat(page.getByTestId("usage-system")).containsText("System");
        screenshot("all-time");

        page.getByTestId("usage-from").fill("2001-01-01");
        page.getByTestId("usage-to").fill("2001-01-02");
        assertThat(page).hasURL(dashboardUrl("/usage?from=2001-01-01&to=2001-01-02"));
        assertThat(page.getByTestId("usage-agent-claude")).containsText("no runs yet");
        screenshot("empty-range");
    }

    @Test
    void aQuestionRaisesADesktopNotificationCountsInTheTitleAndOpensItsJob() {
        open("/notifications");
        assertThat(page.getByTestId("notify-permission")).hasAttribute("data-permission", "granted");
        assertThat(page.getByTestId("notify-kind-question")).isChecked();
        screenshot("settings");
        String marker = newMarker();
        String question = "Ship it on Friday? " + marker.hashCode();
        MODEL.script(marker, Step.toolUse("mcp__orchestrator__ask_user", Map.of("question", question)), Step.text("Shipping."));
        String jobId = createJob(aJob("Ask before shipping " + marker)).get("id").asString();

        await().atMost(Duration.ofMillis((long) AGENT_TIMEOUT_MS)).untilAsserted(() -> {
            Object raised = page.evaluate("() => JSON.stringify(window.__raised)");
            assertThat(String.valueOf(raised)).contains(question);
        });
        assertThat(page.getByTestId("need").filter(new Locator.FilterOptions().setHasText(question))).hasCount(1);
        assertThat(page.title()).matches("\\(\\d+\\) autodev");
        screenshot("question-raised");

        page.getByTestId("need").filter(new Locator.FilterOptions().setHasText(question)).locator("a").click();
        assertThat(page).hasURL(dashboardUrl("/jobs/" + jobId));
        Locator box = page.getByTestId("question-box");
        box.getByTestId("question-answer-input").fill("yes");
        box.getByTestId("question-answer-submit").click();
        assertThat(awaitJob(jobId, "done", "failed").get("status").asString()).isEqualTo("done");
    }

    @Test
    void aWorkflowThatBlocksRaisesADesktopNotificationAndOpensTheWorkflow() {
        open("/notifications");
        assertThat(page.getByTestId("notify-kind-blocked")).isChecked();
        String marker = newMarker();
        MODEL.script(PhaseScripts.phase(marker, "assess, cycle 0"), Step.text("slow thought").afterDelay(Duration.ofSeconds(60)));
        var created = api.post("/api/workflows", Map.of("task", "Blocks in the browser " + marker,
                "workDir", newWorkDir().toString(), "useWorktree", false));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().get("id").asString();
        try {
            // A person cancels the phase's job by hand: the workflow blocks until someone resumes or cancels it.
            api.post("/api/jobs/" + created.body().get("jobs").get(0).get("id").asString() + "/cancel", null);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    String.valueOf(page.evaluate("() => JSON.stringify(window.__raised)"))).contains("Workflow blocked: Blocks in the browser").contains("was cancelled"));
            Locator need = blockedNeed(id);
            assertThat(need).hasCount(1);
            assertThat(need).containsText("was cancelled");
            assertThat(page.title()).matches("\\(\\d+\\) autodev");
            screenshot("workflow-blocked-raised");

            need.locator("a").click();
            assertThat(page).hasURL(dashboardUrl("/workflows/" + id));
            assertThat(page.getByTestId("workflow-blocked")).hasAttribute("data-code", "phase_cancelled");
        } finally {
            api.post("/api/workflows/" + id + "/cancel", null);
        }
        // Cancelled, it waits for no one: it leaves the list.
        open("/notifications");
        assertThat(blockedNeed(id)).hasCount(0);
    }

    private Locator blockedNeed(String workflowId) {
        return page.locator("[data-testid=need][data-kind=blocked]:has(a[href='/workflows/" + workflowId + "'])");
    }

    private void open(String path) {
        page.navigate(dashboardUrl(path));
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live");
    }

    private String awaitDone(JsonNode created) {
        JsonNode job = awaitJob(created.get("id").asString(), "done", "failed");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("done");
        return job.get("id").asString();
    }

    private static int rowIndex(Locator rows, String jobId) {
        for (int i = 0; i < rows.count(); i++) {
            if (jobId.equals(rows.nth(i).getAttribute("data-job-id"))) return i;
        }
        throw new AssertionError("no timeline row for " + jobId);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
