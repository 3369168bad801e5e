package dev.autodev.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.autodev.testsupport.JobRequestBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.autodev.testsupport.fakemodel.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The KB panel in a real headless Chromium: browse, search with snippets, add, and approve a triaged entry. */
class KnowledgeBaseBrowserTest extends BrowserTestBase {

    @Test
    void aPersonBrowsesSearchesAddsAndApprovesEntries() {
        String word = "kw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        api.post("/api/knowledge-base", Map.of("title", "Release checklist " + word,
                "content", "Before tagging, regenerate the changelog with " + word + ".", "scope", "global"));

        page.getByTestId("kb-button").click();
        assertThat(page.getByTestId("kb-panel")).isVisible();
        assertThat(page.getByTestId("kb-entry").filter(new Locator.FilterOptions().setHasText("Release checklist " + word))).hasCount(1);

        page.getByTestId("kb-search").fill(word + " changelog");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/kb\\?q=.*"));
        Locator hit = page.getByTestId("kb-entry").first();
        assertThat(hit.getByTestId("kb-snippet").locator("mark").filter(new Locator.FilterOptions().setHasText(word))).hasCount(1);
        assertThat(hit.getByTestId("kb-snippet").locator("mark").filter(new Locator.FilterOptions().setHasText("changelog"))).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("kb-search.png")));

        page.getByTestId("kb-search").fill("");
        page.getByTestId("kb-add").click();
        page.getByTestId("kb-form-title").fill("Fixtures of " + word + " live in src/test/fixtures");
        page.getByTestId("kb-form-content").fill("Add new fixtures there; the loader finds them by name.");
        page.getByTestId("kb-form-tags").fill("tests, fixtures");
        page.getByTestId("kb-form-scope").selectOption("global");
        page.getByTestId("kb-form-save").click();
        assertThat(page.getByTestId("kb-entry").filter(new Locator.FilterOptions().setHasText("Fixtures of " + word))).hasCount(1);

        // Review mode: a learning triage keeps waits as pending until a person approves it here.
        page.getByTestId("kb-review-mode").check();
        String marker = newMarker();
        MODEL.script(marker, Step.toolUse("mcp__orchestrator__report_learnings", Map.of("learnings", List.of(
                        Map.of("title", "Seed " + word + " before the demo", "content", "Run make seed.", "scope", "global")))),
                Step.text("reported"));
        MODEL.answerQuestions(marker, Step.text("1: global - useful anywhere"));
        String job = createJob(aJob("Prepare the demo " + marker)).get("id").asString();
        awaitJob(job, "done", "failed");
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonNode l = api.get("/api/knowledge-base/learnings?jobId=" + job).body();
            return l.size() == 1 && "kept".equals(l.get(0).get("status").asString());
        });

        page.getByTestId("kb-filter-pending").check();
        Locator pending = page.getByTestId("kb-entry").filter(new Locator.FilterOptions().setHasText("Seed " + word));
        assertThat(pending).hasAttribute("data-status", "pending");
        assertThat(pending.getByTestId("kb-entry-job")).hasText(job.substring(0, 8));
        pending.getByTestId("kb-approve").click();
        assertThat(page.getByTestId("kb-message")).hasText("approved");
        page.getByTestId("kb-filter-pending").uncheck();
        assertThat(page.getByTestId("kb-entry").filter(new Locator.FilterOptions().setHasText("Seed " + word)))
                .hasAttribute("data-status", "approved");

        page.setViewportSize(390, 844);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("kb-phone.png")));
        assertThat(page.getByTestId("kb-panel")).isVisible();
    }

    @Test
    void thePanelShowsEntriesOthersAddChangeAndRemoveWithoutAReload() {
        String word = "kw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        page.getByTestId("kb-button").click();
        assertThat(page.getByTestId("kb-panel")).isVisible();
        page.getByTestId("kb-filter-tag").fill(word);
        assertThat(page.getByTestId("kb-empty")).isVisible();

        // Someone else (another tab, triage, a script) adds an entry: it appears in the open panel.
        String id = api.post("/api/knowledge-base", Map.of("title", "Live entry " + word, "content", "Appears by itself.",
                "scope", "global", "tags", List.of(word))).body().get("id").asString();
        Locator entry = page.locator("[data-entry-id='" + id + "']");
        assertThat(entry.getByTestId("kb-entry-title")).hasText("Live entry " + word);

        api.put("/api/knowledge-base/" + id, Map.of("title", "Live entry " + word + ", edited"));
        assertThat(entry.getByTestId("kb-entry-title")).hasText("Live entry " + word + ", edited");

        api.delete("/api/knowledge-base/" + id);
        assertThat(entry).hasCount(0);
        assertThat(page.getByTestId("kb-empty")).isVisible();
    }
}
