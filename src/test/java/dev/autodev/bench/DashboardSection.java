package dev.autodev.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import dev.autodev.testsupport.fakemodel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's promise, "it stays responsive with 2,000 jobs and 20 agents streaming at once",
 * checked in headless Chromium (Playwright, the system's {@code /usr/bin/chromium} or {@code CHROMIUM_BIN}):
 * 2,000 jobs queued for tomorrow are created through the API, 20 real CLIs run scripted chains of cheap Bash calls
 * against the fake model, then the dashboard is opened and timed: board loaded, live card updates (queued jobs
 * cancelled over REST, the card's {@code data-status} watched in the page), main-thread gaps (requestAnimationFrame
 * and long tasks) while the agents stream, how soon a streaming agent's output entries appear in its open panel, and
 * the JS heap. Everything it created is cancelled at the end, so the leftovers section sees nothing queued.
 *
 * <p>Sizes: {@code -Dbench.dashboardJobs} (2000), {@code -Dbench.dashboardAgents} (20),
 * {@code -Dbench.dashboardStepDelayMs} (700: the fake model's delay before each of an agent's Bash calls),
 * {@code -Dbench.dashboardUpdates} (20 live-update samples), {@code -Dbench.dashboardOutputSeconds} (8: how long the
 * open panel is watched). {@code -Dbench.keep=true} also keeps a screenshot of the board in the data directory.
 */
final class DashboardSection {

    static final double TARGET_LOAD_MILLIS = 2000;
    static final double TARGET_UPDATE_P99_MILLIS = 500;
    static final double TARGET_GAP_MILLIS = 200;

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    /** What the server serves at /; scripts/bench compiles with -Dfrontend.skip, so a normal build must have made it. */
    static final String DASHBOARD_RESOURCE = "static/index.html";

    private static final int SEED_THREADS = 8;
    /** Enough Bash calls that no agent runs out before the section is over; the section cancels them at the end. */
    private static final int STEPS = 80;
    private static final Duration AGENT_START_TIMEOUT = Duration.ofSeconds(90);
    private static final double PAGE_TIMEOUT_MILLIS = 30_000;
    private static final long UPDATE_SPACING_MILLIS = 250;
    private static final Duration UPDATE_WAIT = Duration.ofSeconds(10);

    private DashboardSection() {}

    /** Fails before the server starts when the section cannot run, with what to do about it. */
    static void checkPrerequisites() {
        if (DashboardSection.class.getClassLoader().getResource(DASHBOARD_RESOURCE) == null) {
            throw new IllegalStateException("dashboard section: the dashboard is not built (no target/classes/"
                    + DASHBOARD_RESOURCE + "); scripts/bench compiles with -Dfrontend.skip, so build it once with"
                    + " ./mvnw -q -B compile, or leave the section out with -Dbench.sections=dispatch,e2e,burst,mcp");
        }
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("dashboard section: no chromium at " + CHROMIUM
                    + " (Debian: apt-get install -y chromium, or point CHROMIUM_BIN at one)");
        }
    }

    static void run(BenchApp app, Report report) throws Exception {
        int jobCount = Integer.getInteger("bench.dashboardJobs", 2000);
        int agentCount = Integer.getInteger("bench.dashboardAgents", 20);
        long stepDelay = Long.getLong("bench.dashboardStepDelayMs", 700);
        int updates = Integer.getInteger("bench.dashboardUpdates", 20);
        long outputSeconds = Long.getLong("bench.dashboardOutputSeconds", 8);
        BenchHttp http = app.http();
        raiseConcurrencyTo(http, agentCount);

        long started = System.nanoTime();
        List<String> seeded = seed(http, jobCount);
        double seedSeconds = (System.nanoTime() - started) / 1e9;
        report.figure(String.format(Locale.ROOT, "seeded %d jobs queued for tomorrow (POST /api/jobs, %d in parallel):"
                + " %.1f s, %.0f jobs/s", seeded.size(), SEED_THREADS, seedSeconds, seeded.size() / seedSeconds));

        String marker = "bench-dashboard-" + UUID.randomUUID();
        app.model().script(marker, streamingSteps(stepDelay));
        started = System.nanoTime();
        List<String> agentJobs = new ArrayList<>();
        for (int i = 1; i <= agentCount; i++) {
            agentJobs.add(http.post("/api/jobs", Map.of("description", "Stream for the dashboard " + marker + " #" + i,
                    "model", "claude-sonnet-4-6", "maxTurns", STEPS + 5)).expect(201).body().get("id").asString());
        }
        Map<String, String> runOfJob = new LinkedHashMap<>();
        try {
            awaitStreaming(app, http, marker, agentJobs, runOfJob);
            report.figure(String.format(Locale.ROOT, "%d agents streaming (each a chain of Bash echo calls, the fake"
                            + " model answering each after %d ms) after %.1f s", agentCount, stepDelay,
                    (System.nanoTime() - started) / 1e9));
            measureInBrowser(app, report, seeded, runOfJob, updates, outputSeconds);
        } finally {
            started = System.nanoTime();
            int cancelled = cancelAll(http, agentJobs, seeded);
            report.note("cleanup: cancelled %d jobs still queued or running in %.1f s", cancelled,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private static Step[] streamingSteps(long delayMillis) {
        Step[] steps = new Step[STEPS + 1];
        for (int i = 0; i < STEPS; i++) {
            steps[i] = Step.toolUse("Bash", Map.of("command", "echo streaming step " + (i + 1),
                    "description", "Print step " + (i + 1))).afterDelay(Duration.ofMillis(delayMillis));
        }
        steps[STEPS] = Step.text("All steps printed.");
        return steps;
    }

    private static void raiseConcurrencyTo(BenchHttp http, int count) {
        int current = http.get("/api/settings").expect(200).body().get("maxConcurrentAgents").asInt();
        if (current < count) http.put("/api/settings", Map.of("maxConcurrentAgents", count)).expect(200);
    }

    /** Queued far ahead, so nothing runs them; realistic titles and descriptions, so the snapshot has a real size. */
    private static List<String> seed(BenchHttp http, int count) throws Exception {
        String due = Instant.now().plus(Duration.ofDays(1)).toString();
        List<Future<String>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(SEED_THREADS)) {
            for (int i = 1; i <= count; i++) {
                int n = i;
                futures.add(threads.submit(() -> http.post("/api/jobs", Map.of(
                        "title", "Seeded job " + n + ": tidy module " + (n % 97),
                        "description", "Seeded for the dashboard bench (#" + n + "). Refactor module " + (n % 97)
                                + " so its public functions are documented, its tests cover the error paths, and"
                                + " nothing else changes. Keep commits small.",
                        "model", "claude-sonnet-4-6",
                        "priority", n % 5,
                        "scheduledAt", due)).expect(201).body().get("id").asString()));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> future : futures) ids.add(future.get());
            return ids;
        }
    }

    /** Until every agent has a running run and has made at least two model calls (so it is past its start-up). */
    private static void awaitStreaming(BenchApp app, BenchHttp http, String marker, List<String> jobIds,
                                       Map<String, String> runOfJob) throws InterruptedException {
        Instant deadline = Instant.now().plus(AGENT_START_TIMEOUT);
        while (true) {
            for (String jobId : jobIds) {
                if (runOfJob.containsKey(jobId)) continue;
                JsonNode job = http.get("/api/jobs/" + jobId).expect(200).body();
                JsonNode runs = job.get("runs");
                if (Jobs.TERMINAL.contains(job.get("status").asString())) {
                    throw new IllegalStateException("streaming job ended before the dashboard was measured: " + job);
                }
                if (runs != null && !runs.isEmpty()) {
                    JsonNode run = runs.get(runs.size() - 1);
                    if (run.get("status").asString().equals("running")) runOfJob.put(jobId, run.get("id").asString());
                }
            }
            long pastFirstCall = app.model().requestsFor(marker).stream()
                    .filter(r -> r.assistantMessageCount() == 1).count();
            if (runOfJob.size() == jobIds.size() && pastFirstCall >= jobIds.size()) return;
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(runOfJob.size() + " of " + jobIds.size() + " agents running and "
                        + pastFirstCall + " past their first model call after " + AGENT_START_TIMEOUT);
            }
            Thread.sleep(200);
        }
    }

    private static void measureInBrowser(BenchApp app, Report report, List<String> seeded,
                                         Map<String, String> runOfJob, int updates, long outputSeconds)
            throws Exception {
        BenchHttp http = app.http();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM)
                     .setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--enable-precise-memory-info")))) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
            context.setDefaultTimeout(PAGE_TIMEOUT_MILLIS);
            Page page = context.newPage();
            page.addInitScript(DashboardProbe.INIT_SCRIPT);
            CDPSession cdp = context.newCDPSession(page);
            cdp.send("Performance.enable");

            // 1. Board loaded: the count line shows the snapshot's jobs (it holds the newest 2000) of all there are.
            long total = http.get("/api/jobs?size=1").expect(200).body().get("total").asLong();
            long shown = Math.min(total, 2000);
            long navStarted = System.nanoTime();
            Response index = page.navigate(app.baseUrl() + "/");
            if (index == null || index.status() != 200) {
                throw new IllegalStateException("the dashboard did not load: " + (index == null ? "no response"
                        : "HTTP " + index.status()));
            }
            double loadedAt = ((Number) page.waitForFunction(DashboardProbe.BOARD_LOADED, List.of((int) shown, (int) total),
                    new Page.WaitForFunctionOptions().setTimeout(PAGE_TIMEOUT_MILLIS)).jsonValue()).doubleValue();
            double javaSide = (System.nanoTime() - navStarted) / 1e6;
            report.figure(String.format(Locale.ROOT, "board loaded (navigation -> jobs-count shows %d shown of %d jobs,"
                            + " in-page clock): %s", shown, total, Percentiles.ms(loadedAt)),
                    "< 2 s", loadedAt < TARGET_LOAD_MILLIS);
            Map<?, ?> snapshot = (Map<?, ?>) page.evaluate(DashboardProbe.SNAPSHOT_TIMING);
            if (snapshot != null) {
                report.note("GET /api/live/snapshot: requested at %s, answered after %s (first byte %s), %.0f kB;"
                                + " seen by the bench %s after navigate()",
                        Percentiles.ms(num(snapshot.get("start"))),
                        Percentiles.ms(num(snapshot.get("end")) - num(snapshot.get("start"))),
                        Percentiles.ms(num(snapshot.get("ttfb"))), num(snapshot.get("bytes")) / 1024,
                        Percentiles.ms(javaSide));
            }
            Map<?, ?> loadThread = mainThread(page, 0, loadedAt);
            report.note("main thread during the load: longest long task %s, %d long tasks totalling %s",
                    Percentiles.ms(num(loadThread.get("longest"))), ((Number) loadThread.get("longTasks")).intValue(),
                    Percentiles.ms(num(loadThread.get("longTaskMillis"))));

            // The streaming window: everything from here to the end is measured while the agents stream.
            double windowStart = now(page);
            Instant windowStartWall = Instant.now();
            Map<String, Double> metricsBefore = metrics(cdp);
            long eventsBefore = outputTotal(http, runOfJob.values());
            long wsBefore = ((Number) page.evaluate("() => window.__bench.wsMessages")).longValue();
            double wsBytesBefore = num(page.evaluate("() => window.__bench.wsBytes"));

            // 2. Live updates: queued jobs on screen cancelled over REST, one every 250 ms.
            liveUpdates(page, http, report, seeded, updates);

            // 3. The open panel of a streaming agent: when each appended entry appears, against its createdAt.
            outputLatency(page, http, report, runOfJob, outputSeconds);

            double windowEnd = now(page);
            double windowSeconds = Jobs.millisBetween(windowStartWall, Instant.now()) / 1000;
            Map<String, Double> metricsAfter = metrics(cdp);
            long eventsAfter = outputTotal(http, runOfJob.values());
            long wsAfter = ((Number) page.evaluate("() => window.__bench.wsMessages")).longValue();
            double wsBytesAfter = num(page.evaluate("() => window.__bench.wsBytes"));

            // 4. Main thread over the whole streaming window.
            Map<?, ?> stream = mainThread(page, windowStart, windowEnd);
            int gaps = ((Number) stream.get("gaps")).intValue();
            int over50 = ((Number) stream.get("over50")).intValue();
            double worst = num(stream.get("worst"));
            report.figure(String.format(Locale.ROOT, "main thread while %d agents stream (%.1f s window, %d frames,"
                            + " %.0f fps): worst gap between frames %s (at +%.1f s), %.1f%% of frames over 50 ms,"
                            + " %d over 200 ms", runOfJob.size(), windowSeconds, gaps + 1,
                    gaps / ((windowEnd - windowStart) / 1000), Percentiles.ms(worst),
                    num(stream.get("worstAt")) / 1000, gaps == 0 ? 0 : 100.0 * over50 / gaps,
                    ((Number) stream.get("over200")).intValue()), "no gap > 200 ms", worst <= TARGET_GAP_MILLIS);
            report.note("long tasks in the window: %d, longest %s, %s in all%s",
                    ((Number) stream.get("longTasks")).intValue(), Percentiles.ms(num(stream.get("longest"))),
                    Percentiles.ms(num(stream.get("longTaskMillis"))),
                    stream.get("longTaskError") == null ? "" : " (observer failed: " + stream.get("longTaskError") + ")");
            double windowMillis = windowSeconds * 1000;
            report.note("renderer main thread busy %.0f%% of the window (CDP TaskDuration): script %.0f%%, layout"
                            + " %.0f%%, style %.0f%%",
                    100 * delta(metricsBefore, metricsAfter, "TaskDuration") * 1000 / windowMillis,
                    100 * delta(metricsBefore, metricsAfter, "ScriptDuration") * 1000 / windowMillis,
                    100 * delta(metricsBefore, metricsAfter, "LayoutDuration") * 1000 / windowMillis,
                    100 * delta(metricsBefore, metricsAfter, "RecalcStyleDuration") * 1000 / windowMillis);
            report.note("load during the window: %d output events recorded by the server (%.0f/s); %d live WebSocket"
                            + " messages (%.1f/s, %.0f kB/s) reached the page",
                    eventsAfter - eventsBefore, (eventsAfter - eventsBefore) / windowSeconds, wsAfter - wsBefore,
                    (wsAfter - wsBefore) / windowSeconds, (wsBytesAfter - wsBytesBefore) / 1024 / windowSeconds);

            staleTurns(page, http, report, runOfJob);

            // 5. Heap at the end.
            double heap = num(page.evaluate("() => performance.memory ? performance.memory.usedJSHeapSize : -1"));
            double cdpHeap = metricsAfter.getOrDefault("JSHeapUsedSize", -1.0);
            report.figure(String.format(Locale.ROOT, "JS heap at the end: %.1f MB (performance.memory.usedJSHeapSize;"
                    + " CDP JSHeapUsedSize %.1f MB; %.0f DOM nodes)", heap / 1e6, cdpHeap / 1e6,
                    metricsAfter.getOrDefault("Nodes", -1.0)));
            if (Boolean.getBoolean("bench.keep")) {
                Path shot = app.root().resolve("dashboard.png");
                page.screenshot(new Page.ScreenshotOptions().setPath(shot));
                report.note("screenshot: %s", shot);
            }
            context.close();
        }
    }

    /**
     * Cancels queued jobs whose cards are on screen, one every {@value #UPDATE_SPACING_MILLIS} ms, each POST timed
     * on the bench's side; the page stamps when each card turns cancelled.
     */
    private static void liveUpdates(Page page, BenchHttp http, Report report, List<String> seeded, int count)
            throws InterruptedException {
        Set<String> seededIds = new HashSet<>(seeded);
        @SuppressWarnings("unchecked")
        List<String> onScreen = (List<String>) page.evaluate("() => [...document.querySelectorAll("
                + "'[data-testid=job-card][data-status=queued]')].map((c) => c.dataset.jobId)");
        List<String> targets = onScreen.stream().filter(seededIds::contains).limit(count).toList();
        if (targets.size() < count) {
            report.note("only %d queued cards on screen to cancel (of %d wanted)", targets.size(), count);
        }
        if (targets.isEmpty()) return;
        Map<String, BenchHttp.Reply> replies = new LinkedHashMap<>();
        for (String id : targets) {
            replies.put(id, http.post("/api/jobs/" + id + "/cancel", Map.of()).expect(200));
            Thread.sleep(UPDATE_SPACING_MILLIS);
        }
        Instant deadline = Instant.now().plus(UPDATE_WAIT);
        Map<?, ?> seen;
        while (true) {
            seen = (Map<?, ?>) page.evaluate("() => window.__bench.cancelledAt");
            if (targets.stream().allMatch(seen::containsKey) || Instant.now().isAfter(deadline)) break;
            Thread.sleep(100);
        }
        List<Double> fromSent = new ArrayList<>();
        List<Double> fromAnswered = new ArrayList<>();
        List<Double> fromUpdatedAt = new ArrayList<>();
        List<Double> post = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, BenchHttp.Reply> entry : replies.entrySet()) {
            BenchHttp.Reply reply = entry.getValue();
            post.add(reply.millis());
            Object at = seen.get(entry.getKey());
            if (at == null) {
                missing++;
                continue;
            }
            double seenAt = num(at);
            fromSent.add(seenAt - epochMillis(reply.sent()));
            fromAnswered.add(seenAt - epochMillis(reply.received()));
            fromUpdatedAt.add(seenAt - epochMillis(Instant.parse(reply.body().get("updatedAt").asString())));
        }
        if (fromSent.isEmpty()) {
            report.figure("live update: no cancelled card was seen in the page within " + UPDATE_WAIT.toSeconds()
                    + " s", "p99 < 500 ms", false);
            return;
        }
        Percentiles latency = Percentiles.of(fromSent);
        boolean met = missing == 0 && latency.p99() < TARGET_UPDATE_P99_MILLIS;
        report.figure("live update (POST cancel sent -> card's data-status is cancelled in the page), "
                + fromSent.size() + " queued jobs: " + latency.summary()
                + (missing > 0 ? "; " + missing + " never seen within " + UPDATE_WAIT.toSeconds() + " s" : ""),
                "p99 < 500 ms", met);
        report.note("from the POST's answer: %s; from the job's updatedAt: %s; the POST itself: %s",
                Percentiles.of(fromAnswered).summary(), Percentiles.of(fromUpdatedAt).summary(),
                Percentiles.of(post).summary());
    }

    /** Opens a streaming agent's card (Output tab) and times entries appended while it is open. */
    private static void outputLatency(Page page, BenchHttp http, Report report, Map<String, String> runOfJob,
                                      long seconds) throws InterruptedException {
        String jobId = runOfJob.keySet().iterator().next();
        String runId = runOfJob.get(jobId);
        Locator card = page.locator("[data-testid=job-card][data-job-id='" + jobId + "']");
        long clicked = System.nanoTime();
        card.click();
        page.waitForSelector("[data-testid=agent-panel][data-run-id='" + runId + "'] [data-testid=output-entry]");
        double opened = (System.nanoTime() - clicked) / 1e6;
        // What the panel read over REST when it opened; only entries after it arrive live.
        long initialSeq = ((Number) page.evaluate("() => Math.max(...[...document.querySelectorAll("
                + "'[data-testid=output-entry]')].map((e) => +e.dataset.seq))")).longValue();
        Thread.sleep(Duration.ofSeconds(seconds));
        Map<?, ?> appeared = (Map<?, ?>) page.evaluate("() => window.__bench.outputAt");
        Instant end = Instant.now();
        List<Double> latency = new ArrayList<>();
        int missing = 0;
        long after = initialSeq;
        while (true) {
            JsonNode pageOfEvents = http.get("/api/agents/" + runId + "/output?after=" + after + "&limit=500")
                    .expect(200).body();
            JsonNode events = pageOfEvents.get("events");
            for (JsonNode event : events) {
                Instant created = Instant.parse(event.get("createdAt").asString());
                // Entries the server recorded in the last second may be on their way; they are not counted.
                if (created.isAfter(end.minusSeconds(1))) continue;
                Object at = appeared.get(String.valueOf(event.get("seq").asLong()));
                if (at == null) missing++;
                else latency.add(num(at) - epochMillis(created));
            }
            if (events.size() < 500) break;
            after = pageOfEvents.get("nextAfter").asLong();
        }
        if (latency.isEmpty()) {
            report.figure("agent panel output: no entry was appended in " + seconds + " s (" + missing
                    + " recorded by the server never appeared)");
            return;
        }
        report.figure("agent panel output (server recorded the event -> its entry is in the open panel), " + latency.size()
                + " entries appended over " + seconds + " s: " + Percentiles.of(latency).summary()
                + (missing > 0 ? "; " + missing + " recorded but never shown" : ""));
        report.note("panel opened with %d entries read over REST, %s after the click", initialSeq,
                Percentiles.ms(opened));
    }

    /** Whether the streaming cards' "N turns" keeps up with the server's count of the run's turns. */
    private static void staleTurns(Page page, BenchHttp http, Report report, Map<String, String> runOfJob) {
        // The card's spans sit side by side ("sonnet-4-6" then "7 turns"), so each span is read on its own.
        Map<?, ?> shownTurns = (Map<?, ?>) page.evaluate("() => Object.fromEntries([...document.querySelectorAll("
                + "'[data-testid=job-card]')].map((c) => [c.dataset.jobId, +(([...c.querySelectorAll('span')]"
                + ".map((s) => /^(\\d+) turns$/.exec(s.textContent.trim())).find(Boolean) || [0, 0])[1])]))");
        List<Double> behind = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, String> entry : runOfJob.entrySet()) {
            Object shown = shownTurns.get(entry.getKey());
            if (shown == null) continue;
            int server = http.get("/api/agents/" + entry.getValue()).expect(200).body().get("numTurns").asInt();
            compared++;
            behind.add((double) Math.max(0, server - ((Number) shown).intValue()));
        }
        if (compared == 0) return;
        long lagging = behind.stream().filter(d -> d > 0).count();
        report.note("turn counts on the streaming cards at the end: %d of %d behind the server's numTurns (by %.0f"
                + " turns at the median, %.0f at most)", lagging, compared, Percentiles.of(behind).p50(),
                Percentiles.of(behind).max());
    }

    private static Map<?, ?> mainThread(Page page, double from, double to) {
        return (Map<?, ?>) page.evaluate(DashboardProbe.MAIN_THREAD, List.of(from, to));
    }

    private static double now(Page page) {
        return num(page.evaluate("() => performance.now()"));
    }

    private static Map<String, Double> metrics(CDPSession cdp) {
        JsonObject reply = cdp.send("Performance.getMetrics");
        Map<String, Double> out = new HashMap<>();
        JsonArray list = reply.getAsJsonArray("metrics");
        for (JsonElement element : list) {
            JsonObject metric = element.getAsJsonObject();
            out.put(metric.get("name").getAsString(), metric.get("value").getAsDouble());
        }
        return out;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }

    /** Output events the server holds for these runs in all. */
    private static long outputTotal(BenchHttp http, Iterable<String> runIds) {
        long total = 0;
        for (String runId : runIds) {
            total += http.get("/api/agents/" + runId + "/output?limit=1").expect(200).body().get("total").asLong();
        }
        return total;
    }

    /** Cancels whatever of these jobs is not finished, in parallel; returns how many it cancelled. */
    private static int cancelAll(BenchHttp http, List<String> agentJobs, List<String> seeded) throws Exception {
        List<String> all = new ArrayList<>(agentJobs);
        all.addAll(seeded);
        List<Future<Boolean>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(SEED_THREADS)) {
            for (String id : all) {
                futures.add(threads.submit(() -> http.post("/api/jobs/" + id + "/cancel", Map.of()).status() == 200));
            }
            int cancelled = 0;
            for (Future<Boolean> future : futures) if (future.get()) cancelled++;
            return cancelled;
        }
    }

    private static double epochMillis(Instant instant) {
        return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1e6;
    }

    private static double num(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
