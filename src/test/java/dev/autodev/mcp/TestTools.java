package dev.autodev.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tools that exist only in the test build, for the endpoint's own tests. A plain component (not a test
 * configuration) on purpose: every integration test then shares one application context, and with it one database.
 */
@Component
class TestTools implements McpToolProvider {

    private static final Map<String, Gathering> GATHERINGS = new java.util.concurrent.ConcurrentHashMap<>();
    /** The jobs whose runs are offered test_chosen_only. */
    static final java.util.Set<String> CHOSEN_JOBS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Callers of one group, counted in; each waits until enough are inside at the same time. */
    private static final class Gathering {
        private int inside;

        synchronized int arriveAndWait(int count, long timeoutMillis) throws InterruptedException {
            inside++;
            notifyAll();
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (inside < count) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) break;
                wait(left);
            }
            return inside;
        }
    }

    @Override
    public List<McpTool> tools() {
        String none = """
                {"type":"object","properties":{}}""";
        return List.of(
                new McpTool("test_whoami", "Says which run is calling.", none, (caller, args) -> Map.of(
                        "run_id", caller.runId(), "job_id", caller.jobId(), "model", caller.model(),
                        "work_dir", caller.workDir().toString())),
                new McpTool("test_sleep", "Blocks for ms milliseconds.", """
                        {"type":"object","properties":{"ms":{"type":"integer"}},"required":["ms"]}""", (caller, args) -> {
                    long ms = ToolArguments.optionalLong(args, "ms");
                    Thread.sleep(Duration.ofMillis(ms));
                    return Map.of("slept_ms", ms);
                }),
                new McpTool("test_gather", "Waits until count calls of one group are inside at once, or timeout_ms.", """
                        {"type":"object","properties":{"group":{"type":"string"},"count":{"type":"integer"},
                        "timeout_ms":{"type":"integer"}},"required":["group","count","timeout_ms"]}""", (caller, args) -> {
                    Gathering gathering = GATHERINGS.computeIfAbsent(ToolArguments.requiredString(args, "group"), g -> new Gathering());
                    int count = ToolArguments.optionalLong(args, "count").intValue();
                    return Map.of("gathered", gathering.arriveAndWait(count, ToolArguments.optionalLong(args, "timeout_ms")));
                }),
                new McpTool("test_refuse", "Always refuses.", none, (caller, args) -> {
                    throw new ToolError("refused on purpose");
                }),
                new McpTool("test_crash", "Always fails with a bug.", none, (caller, args) -> {
                    throw new IllegalStateException("boom");
                }),
                new McpTool("test_chosen_only", "Only for chosen runs.", none, (caller, args) -> Map.of("chosen", true))
                        .offeredTo(Audience.of("chosen runs", caller -> CHOSEN_JOBS.contains(caller.jobId()))));
    }
}
