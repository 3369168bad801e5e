package dev.autodev.bench;

import java.util.Locale;

/**
 * The MCP endpoint's part of the bench: tool-call latency with one client and many, then watch_notes wake-up. Both
 * need tokens of active runs, so real agents are started first and kept waiting on the fake model throughout.
 */
final class McpSection {

    private McpSection() {}

    /**
     * Sizes: {@code -Dbench.mcpClients} (32), {@code -Dbench.mcpRuns} active runs behind them (as many as clients),
     * {@code -Dbench.mcpCalls} per tool with one client (500), {@code -Dbench.mcpCallsPerClient} per tool and client
     * with many (200), {@code -Dbench.mcpWarmUp} calls per tool first (200), {@code -Dbench.watchRounds} (30).
     */
    static void run(BenchApp app, Report report) throws Exception {
        int clients = Integer.getInteger("bench.mcpClients", 32);
        int runCount = Math.max(2, Integer.getInteger("bench.mcpRuns", clients));
        long started = System.nanoTime();
        try (ActiveRuns runs = ActiveRuns.start(app, runCount)) {
            report.figure(String.format(Locale.ROOT, "%d active runs (real CLIs waiting on the fake model) ready after"
                    + " %.1f s", runs.size(), (System.nanoTime() - started) / 1e9));
            McpToolLatency.run(app, report, runs, clients, Integer.getInteger("bench.mcpCalls", 500),
                    Integer.getInteger("bench.mcpCallsPerClient", 200), Integer.getInteger("bench.mcpWarmUp", 200));
            WatchLatency.run(app, report, runs, Integer.getInteger("bench.watchRounds", 30));
        }
    }
}
