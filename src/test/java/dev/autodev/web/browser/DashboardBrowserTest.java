package dev.autodev.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real headless Chromium against the whole server, which runs the real Claude Code CLI on the
 * scripted fake model. Uses the system's chromium ({@code /usr/bin/chromium}, or {@code CHROMIUM_BIN}); Playwright
 * downloads no browser. Without a chromium the tests fail (never skip): {@code .ci/run} installs it.
 * Screenshots of the key moments land in {@code target/screenshots/}.
 */
class DashboardBrowserTest extends BrowserTestBase {

    /** Long enough for the CLI to start and reach the fake model; the job itself is scripted to be quick. */
    private static final double AGENT_TIMEOUT_MS = 45_000;

    @Test
    void jobCreatedInTheFormGoesFromOrangeToGreenAndShowsItsResult() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("All done: the answer is 42.").withUsage(1200, 80).afterDelay(Duration.ofSeconds(3)));

        page.getByTestId("new-job-button").click();
        page.getByTestId("job-field-description").fill("Work out the answer " + marker);
        screenshot("new-job-form");
        Response created = page.waitForResponse(r -> r.url().endsWith("/api/jobs") && r.request().method().equals("POST"),
                () -> page.getByTestId("job-form-submit").click());
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        // Creating opens the job's panel; close it, or watching the job finish would mark it read (blue, not green).
        assertThat(page.getByTestId("agent-panel")).isVisible();
        page.getByTestId("agent-panel-close").click();

        Locator card = cardOf(marker);
        String jobId = card.getAttribute("data-job-id");
        assertThat(card).hasAttribute("data-card-state", "running", within(AGENT_TIMEOUT_MS));
        assertThat(card).hasAttribute("data-status", "running");
        screenshot("card-running");

        assertThat(card).hasAttribute("data-card-state", "unread", within(AGENT_TIMEOUT_MS));
        assertThat(card).hasAttribute("data-status", "done");
        // A cent's fraction is no free run: the card says so rather than "$0.00".
        assertThat(card).containsText("1 turns");
        assertThat(card).not().containsText("$0.00");
        screenshot("card-done-unread");
        assertThat(job(jobId).get("status").asString()).isEqualTo("done");

        card.click();
        Locator panel = page.getByTestId("agent-panel");
        assertThat(panel).hasAttribute("data-job-id", jobId);
        page.getByTestId("agent-tab-output").click();
        assertThat(page.locator("[data-testid=output-entry][data-type=assistant_text]").first())
                .containsText("All done: the answer is 42.");
        Locator result = page.locator("[data-testid=output-entry][data-type=result]");
        assertThat(result).containsText("Result");
        assertThat(result.getByTestId("result-cost")).containsText("$");
        assertThat(result.getByTestId("result-turns")).containsText("1 turns");
        assertPanelShowsAllOutputOf(panel.getAttribute("data-run-id"));
        // Opened, the card is read: blue.
        assertThat(card).hasAttribute("data-card-state", "idle");
        screenshot("panel-output");
    }

    @Test
    void questionTurnsTheCardRedAndTheAnswerReachesTheAgent() {
        String marker = newMarker();
        String answer = "teal, please " + marker.hashCode();
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__ask_user", Map.of("question", "Which colour should the button be?")),
                Step.text("Painting it."));
        String jobId = createJob(aJob("Ask about the button " + marker)).get("id").asString();

        Locator card = cardOf(marker);
        assertThat(card).hasAttribute("data-job-id", jobId);
        assertThat(card).hasAttribute("data-card-state", "waiting", within(AGENT_TIMEOUT_MS));
        assertThat(card).hasAttribute("data-run-status", "waiting_user");
        screenshot("card-waiting");

        card.click();
        Locator box = page.getByTestId("question-box");
        assertThat(box.getByTestId("question-text")).hasText("Which colour should the button be?");
        assertThat(box.getByTestId("question-answer-submit")).isDisabled();
        box.getByTestId("question-answer-input").fill(answer);
        screenshot("question-answering");
        box.getByTestId("question-answer-submit").click();

        assertThat(box).isHidden();
        assertThat(card).hasAttribute("data-status", "done", within(AGENT_TIMEOUT_MS));
        assertThat(awaitJob(jobId, "done", "failed").get("status").asString()).isEqualTo("done");
        assertThat(MODEL.requestsFor(marker).getLast().lastToolResultText()).contains(answer);
        page.getByTestId("agent-tab-output").click();
        assertThat(page.locator("[data-testid=output-entry][data-type=result]")).containsText("Painting it.");
        screenshot("question-answered");
    }

    @Test
    void jobsOlderThanTheSnapshotLoadAtTheEndOfTheBoard() {
        String marker = newMarker();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= SNAPSHOT_JOBS; i++) {
            ids.add(createJob(aJob("Later " + i + " " + marker).with("scheduledAt", "2999-01-01T00:00:00Z"))
                    .get("id").asString());
        }
        String oldest = ids.getFirst();
        // A fresh page: its snapshot holds the newest jobs only, so the first of these is not on the board.
        page.reload();
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live");
        page.getByTestId("jobs-search").fill(oldest);
        assertThat(page.getByTestId("jobs-count")).containsText("0 shown");
        Locator loadOlder = page.getByTestId("jobs-load-older");
        assertThat(loadOlder).containsText("Load older jobs (");
        screenshot("load-older-before");

        loadOlder.click();

        assertThat(page.getByTestId("jobs-count")).containsText("1 shown");
        assertThat(page.locator("[data-job-id='" + oldest + "']")).isVisible();
        screenshot("load-older-after");
        ids.forEach(id -> api.post("/api/jobs/" + id + "/cancel", null));
    }

    @Test
    void runningJobCancelledFromThePanelGoesDim() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("too late").afterDelay(Duration.ofSeconds(30)));
        String jobId = createJob(aJob("Take your time " + marker)).get("id").asString();

        Locator card = cardOf(marker);
        assertThat(card).hasAttribute("data-run-status", "running", within(AGENT_TIMEOUT_MS));
        assertThat(card).hasAttribute("data-card-state", "running");
        card.click();
        Locator cancel = page.getByTestId("action-cancel");
        assertThat(cancel).isEnabled();
        screenshot("cancel-before");
        cancel.click();

        assertThat(card).hasAttribute("data-card-state", "dim", within(AGENT_TIMEOUT_MS));
        assertThat(card).hasAttribute("data-status", "cancelled");
        assertThat(cancel).isDisabled();
        JsonNode job = awaitJob(jobId, "cancelled");
        assertThat(job.get("runs").get(0).get("status").asString()).isEqualTo("cancelled");
        assertPanelShowsAllOutputOf(job.get("runs").get(0).get("id").asString());
        screenshot("cancelled");
    }

    @Test
    void refusalsAppearNextToTheirField() {
        String marker = newMarker();
        page.getByTestId("new-job-button").click();
        page.getByTestId("job-field-description").fill("Never runs " + marker);

        // Priority 11: the form knows the range and refuses before asking the server.
        page.getByTestId("job-field-priority").fill("11");
        page.getByTestId("job-form-submit").click();
        assertThat(page.getByTestId("job-field-error-priority")).containsText("-10 to 10");
        screenshot("priority-refused");

        // A work dir only the server can check: its 400 names the field, and the form shows it there.
        page.getByTestId("job-field-priority").fill("3");
        page.getByTestId("job-field-workDir").fill(ROOT.resolve("no-such-dir").toString());
        Response refused = page.waitForResponse(r -> r.url().endsWith("/api/jobs") && r.request().method().equals("POST"),
                () -> page.getByTestId("job-form-submit").click());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.getByTestId("job-field-error-workDir")).containsText("no such directory");
        assertThat(page.getByTestId("job-field-error-priority")).isHidden();
        assertThat(page.getByTestId("job-field-description")).hasValue("Never runs " + marker);
        screenshot("workdir-refused-by-server");

        var jobs = api.get("/api/jobs?size=100").text();
        assertThat(jobs).doesNotContain(marker);
    }

    @Test
    void theChangesTabShowsEachFileTheAgentChangedWithItsDiffColoured() throws Exception {
        String marker = newMarker();
        Path repo = newWorkDir();
        dev.autodev.testsupport.GitRepos.git(repo, "init", "-q", "-b", "main");
        dev.autodev.testsupport.GitRepos.git(repo, "config", "user.name", "Test Person");
        dev.autodev.testsupport.GitRepos.git(repo, "config", "user.email", "test@example.com");
        Files.writeString(repo.resolve("app.txt"), "first line\nold line\n");
        dev.autodev.testsupport.GitRepos.git(repo, "add", "-A");
        dev.autodev.testsupport.GitRepos.git(repo, "commit", "-q", "-m", "start");
        MODEL.script(marker,
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of("app.txt", "new.txt"), "reason", "edit")),
                // Claude Code writes over a file only after reading it.
                Step.toolUse("Read", Map.of("file_path", repo.resolve("app.txt").toString())),
                Step.toolUse("Write", Map.of("file_path", repo.resolve("app.txt").toString(), "content", "first line\nnew line\n")),
                Step.toolUse("Write", Map.of("file_path", repo.resolve("new.txt").toString(), "content", "brand new\n")),
                Step.text("Changed app.txt and added new.txt."));
        String jobId = createJob(aJob("Change two files " + marker).inDir(repo.toString())).get("id").asString();
        assertThat(awaitJob(jobId, "done", "failed").get("status").asString()).isEqualTo("done");

        page.navigate("http://127.0.0.1:" + localPort() + "/jobs/" + jobId);
        page.getByTestId("agent-tab-changes").click();

        assertThat(page.getByTestId("changes-file")).hasCount(2);
        assertThat(page.locator("[data-testid=changes-file][data-status=modified]")).containsText("app.txt");
        assertThat(page.locator("[data-testid=changes-file][data-status=added]")).containsText("new.txt");
        assertThat(page.locator(".diff-code-insert").first()).isVisible();
        assertThat(page.locator(".diff-code-insert", new Page.LocatorOptions().setHasText("new line"))).hasCount(1);
        assertThat(page.locator(".diff-code-delete", new Page.LocatorOptions().setHasText("old line"))).hasCount(1);
        String inserted = (String) page.locator(".diff-code-insert").first().evaluate("e => getComputedStyle(e).backgroundColor");
        String deleted = (String) page.locator(".diff-code-delete").first().evaluate("e => getComputedStyle(e).backgroundColor");
        assertThat(inserted).as("additions and deletions are coloured apart").isNotEqualTo(deleted).isNotEqualTo("rgba(0, 0, 0, 0)");
        screenshot("changes-tab");
    }

    @Test
    void aDeepLinkToAJobOpensItsPanelAndTheUrlFollowsThePanels() {
        String marker = newMarker();
        String jobId = createJob(aJob("Linked from elsewhere " + marker).with("scheduledAt", "2999-01-01T00:00:00Z"))
                .get("id").asString();
        String base = "http://127.0.0.1:" + localPort();

        Response opened = page.navigate(base + "/jobs/" + jobId);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(page.getByTestId("agent-panel")).hasAttribute("data-job-id", jobId);
        assertThat(page.getByTestId("agent-panel")).containsText("Linked from elsewhere");
        screenshot("deep-link");

        page.getByTestId("locks-button").click();
        assertThat(page.getByTestId("locks-panel")).isVisible();
        assertThat(page).hasURL(dashboardUrl("/locks"));
        page.goBack();
        assertThat(page.getByTestId("agent-panel")).hasAttribute("data-job-id", jobId);
        page.getByTestId("agent-panel-close").click();
        assertThat(page).hasURL(dashboardUrl("/"));
        assertThat(page.getByTestId("agent-panel")).hasCount(0);
    }

    @Test
    void atPhoneWidthTheNavFoldsIntoAMenuPanelsFillTheScreenAndNothingOverflows() {
        String base = "http://127.0.0.1:" + localPort();
        for (String path : List.of("/", "/new", "/locks", "/usage", "/settings")) {
            page.setViewportSize(1280, 800);
            page.navigate(base + path);
            assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live");
            assertThat(page.getByTestId("nav-menu-button")).isHidden();
            assertNoHorizontalOverflow(path + " at 1280");
            screenshot("desktop" + path.replace('/', '-'));

            page.setViewportSize(390, 844);
            assertNoHorizontalOverflow(path + " at 390");
            screenshot("phone" + path.replace('/', '-'));
        }

        page.navigate(dashboardUrl("/"));
        assertThat(page.getByTestId("settings-button")).isHidden();
        page.getByTestId("nav-menu-button").click();
        assertThat(page.getByTestId("main-nav")).isVisible();
        screenshot("phone-menu-open");
        page.getByTestId("usage-button").click();
        assertThat(page).hasURL(dashboardUrl("/usage"));
        assertThat(page.getByTestId("main-nav")).isHidden();
        Locator panel = page.locator("aside.panel");
        assertThat(panel).isVisible();
        assertThat(panel.boundingBox().width).isEqualTo(390.0);
    }

    private void assertNoHorizontalOverflow(String where) {
        Object wider = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) wider).intValue()).as("horizontal overflow on " + where).isLessThanOrEqualTo(0);
    }

    /** The open panel lists every output event the server kept for the run. */
    private void assertPanelShowsAllOutputOf(String runId) {
        assertThat(page.getByTestId("agent-panel")).hasAttribute("data-run-id", runId);
        int kept = api.get("/api/agents/" + runId + "/output").body().get("events").size();
        assertThat(page.getByTestId("output-entry")).hasCount(kept);
    }

    /** The one card whose job mentions {@code marker}; the search box keeps other tests' jobs out of the way. */
    private Locator cardOf(String marker) {
        page.getByTestId("jobs-search").fill(marker);
        Locator card = page.getByTestId("job-card");
        assertThat(card).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(AGENT_TIMEOUT_MS));
        return card;
    }

    private static LocatorAssertions.HasAttributeOptions within(double millis) {
        return new LocatorAssertions.HasAttributeOptions().setTimeout(millis);
    }
}
