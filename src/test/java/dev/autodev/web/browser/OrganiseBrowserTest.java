package dev.autodev.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.SelectOption;
import dev.autodev.testsupport.Api;
import dev.autodev.testsupport.fakemodel.Step;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organising the work in the dashboard, in a real headless Chromium against the whole server running the real
 * Claude Code CLI: templates in the form, the project switcher, flag and archive on a card, a batch run.
 */
class OrganiseBrowserTest extends BrowserTestBase {

    private static final double AGENT_TIMEOUT_MS = 45_000;
    private static final String LATER = "2999-01-01T00:00:00Z";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aTemplateCreatedInItsPanelIsUsedFromTheJobForm() {
        String marker = newMarker();
        String name = "Small steps " + UUID.randomUUID();
        String workDir = newWorkDir().toString();
        MODEL.script(marker, Step.text("done in small steps"));

        page.getByTestId("templates-button").click();
        page.getByTestId("template-new").click();
        page.getByTestId("template-field-name").fill(name);
        page.getByTestId("template-field-content").fill("Take small steps and say what each one does.");
        page.getByTestId("template-field-defaultModel").fill("claude-haiku-4-5");
        page.getByTestId("template-field-defaultWorkDir").fill(workDir);
        page.getByTestId("template-save").click();
        assertThat(page.locator("[data-testid=template-row][data-name='" + name + "']")).isVisible();

        // The same name again is refused at the name field.
        page.getByTestId("template-new").click();
        page.getByTestId("template-field-name").fill(name.toUpperCase());
        page.getByTestId("template-field-content").fill("again");
        page.getByTestId("template-save").click();
        assertThat(page.getByTestId("template-field-error-name")).containsText("already exists");
        screenshot("template-duplicate-refused");

        page.getByTestId("new-job-button").click();
        page.getByTestId("job-field-templateId").selectOption(new SelectOption().setLabel(name));
        assertThat(page.getByTestId("job-field-model")).hasValue("claude-haiku-4-5");
        assertThat(page.getByTestId("job-field-workDir")).hasValue(workDir);
        page.getByTestId("job-field-description").fill("Rename the module " + marker);
        Response created = page.waitForResponse(r -> r.url().endsWith("/api/jobs") && r.request().method().equals("POST"),
                () -> page.getByTestId("job-form-submit").click());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String jobId = JSON.readTree(created.text()).get("id").asString();
        assertThat(page.getByTestId("agent-panel")).hasAttribute("data-job-id", jobId);
        assertThat(awaitJob(jobId, "done", "failed").get("status").asString()).isEqualTo("done");
        assertThat(MODEL.requestsFor(marker).getFirst().firstUserText())
                .contains("## Guidelines").contains("Take small steps and say what each one does.");

        // Its stats show the run.
        page.getByTestId("templates-button").click();
        page.locator("[data-testid=template-row][data-name='" + name + "']").click();
        assertThat(page.locator("[data-testid=template-stats-row][data-model='claude-haiku-4-5']")).containsText("100%");
        screenshot("template-stats");
    }

    @Test
    void switchingProjectsFiltersTheBoardAndTheUrlKeepsIt() {
        String marker = newMarker();
        String alpha = createProject("Alpha " + UUID.randomUUID());
        String beta = createProject("Beta " + UUID.randomUUID());
        String inAlpha = createJob(aJob("Alpha work " + marker).with("projectId", alpha).with("scheduledAt", LATER)).get("id").asString();
        createJob(aJob("Beta work " + marker).with("projectId", beta).with("scheduledAt", LATER));

        page.navigate(dashboardUrl("/"));
        page.getByTestId("jobs-search").fill(marker);
        assertThat(page.getByTestId("job-card")).hasCount(2);
        page.getByTestId("project-switcher").selectOption(alpha);
        assertThat(page).hasURL(Pattern.compile(".*\\?project=" + alpha + "$"));
        assertThat(page.getByTestId("job-card")).hasCount(1);
        assertThat(page.getByTestId("job-card")).hasAttribute("data-job-id", inAlpha);
        screenshot("board-filtered");

        // A link to that view opens it again, and opening a job keeps the board filtered.
        page.navigate(dashboardUrl("/?project=" + alpha));
        assertThat(page.getByTestId("project-switcher")).hasValue(alpha);
        page.getByTestId("jobs-search").fill(marker);
        assertThat(page.getByTestId("job-card")).hasCount(1);
        page.getByTestId("job-card").click();
        assertThat(page).hasURL(Pattern.compile(".*/jobs/" + inAlpha + "\\?project=" + alpha + "$"));
        assertThat(page.getByTestId("job-card")).hasCount(1);
        page.getByTestId("project-switcher").selectOption("");
        assertThat(page.getByTestId("job-card")).hasCount(2);
    }

    @Test
    void aCardIsFlaggedAndArchivedAndTheArchiveViewBringsItBack() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("finished"));
        String jobId = createJob(aJob("Finish then archive " + marker)).get("id").asString();
        awaitJob(jobId, "done");

        page.getByTestId("jobs-search").fill(marker);
        Locator card = page.locator(".card-shell").filter(new Locator.FilterOptions().setHas(page.locator("[data-job-id='" + jobId + "']")));
        assertThat(card.getByTestId("job-card")).hasAttribute("data-status", "done", within(AGENT_TIMEOUT_MS));
        card.getByTestId("card-flag-toggle").click();
        assertThat(card.getByTestId("job-card")).hasAttribute("data-flagged", "true");
        assertThat(card.getByTestId("card-flag")).isVisible();
        page.getByTestId("jobs-filter-flagged").click();
        assertThat(page.getByTestId("job-card")).hasCount(1);
        screenshot("flagged");
        assertThat(job(jobId).get("flagged").asBoolean()).isTrue();

        card.getByTestId("card-archive").click();
        assertThat(page.getByTestId("job-card")).hasCount(0);
        assertThat(job(jobId).hasNonNull("archivedAt")).isTrue();

        page.getByTestId("archive-button").click();
        page.getByTestId("archive-search").fill(marker);
        page.getByTestId("archive-search-submit").click();
        assertThat(page).hasURL(Pattern.compile(".*/archive\\?q=.*"));
        Locator row = page.locator("[data-testid=archive-row][data-job-id='" + jobId + "']");
        assertThat(row).isVisible();
        screenshot("archive-view");
        row.getByTestId("archive-unarchive").click();
        assertThat(row).hasCount(0);
        page.getByTestId("nav-home").click();
        page.getByTestId("jobs-search").fill(marker);
        assertThat(page.getByTestId("job-card")).hasCount(1);
    }

    @Test
    void aBatchRunFromItsPanelOpensTheBoardOnItsNewProject() {
        String marker = newMarker();
        MODEL.script(marker, Step.text("batch item done"));
        String name = "Sweep " + UUID.randomUUID();

        page.getByTestId("batches-button").click();
        page.getByTestId("batch-new").click();
        page.getByTestId("batch-field-name").fill(name);
        page.getByTestId("batch-field-items").fill("First " + marker + "\nSecond " + marker + "\n\nThird " + marker);
        page.getByTestId("batch-save").click();
        assertThat(page.getByTestId("batch-detail")).containsText(name);

        page.getByTestId("batch-run-mode").selectOption("normal");
        page.getByTestId("batch-run-maxTurns").fill("4");
        Response run = page.waitForResponse(r -> r.url().endsWith("/run") && r.request().method().equals("POST"),
                () -> page.getByTestId("batch-run-submit").click());
        assertThat(run.status()).as(run.text()).isEqualTo(201);
        assertThat(page).hasURL(Pattern.compile(".*/\\?project=.+"));
        String projectId = page.url().replaceAll(".*\\?project=", "");
        assertThat(page.getByTestId("project-switcher")).hasValue(projectId);
        page.getByTestId("jobs-search").fill(marker);
        assertThat(page.getByTestId("job-card")).hasCount(3, new LocatorAssertions.HasCountOptions().setTimeout(AGENT_TIMEOUT_MS));
        screenshot("batch-board");
        JsonNode jobs = api.get("/api/jobs?projectId=" + projectId).body();
        assertThat(jobs.get("total").asLong()).isEqualTo(3);
        jobs.get("items").forEach(j -> awaitJob(j.get("id").asString(), "done", "failed"));
    }

    @Test
    void theOrganisingViewsFitAPhone() {
        page.setViewportSize(390, 844);
        for (String view : List.of("/templates", "/projects", "/batches", "/archive")) {
            page.navigate(dashboardUrl(view));
            assertThat(page.locator("[data-testid$='-panel']").first()).isVisible();
            Object wider = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) wider).intValue()).as("horizontal overflow on " + view).isLessThanOrEqualTo(0);
        }
        page.getByTestId("nav-menu-button").click();
        page.getByTestId("batches-button").click();
        page.getByTestId("batch-new").click();
        assertThat(page.getByTestId("batch-form")).isVisible();
        screenshot("phone-batch-form");
    }

    private String createProject(String name) {
        Api.Response response = api.post("/api/projects", Map.of("name", name));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    private static LocatorAssertions.HasAttributeOptions within(double millis) {
        return new LocatorAssertions.HasAttributeOptions().setTimeout(millis);
    }
}
