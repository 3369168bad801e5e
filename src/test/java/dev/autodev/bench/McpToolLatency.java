package dev.autodev.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * How long MCP tool calls take as an agent sees them, with one client and with many at once. Every client is closed
 * loop: it sends its next call the moment the last one is answered, so with many clients this is the worst case of
 * agents all calling tools together, not a typical moment. The clients live in the server's JVM and share its cores,
 * as virtual threads, so that what the figures show is the server; the same clients on OS threads of their own are
 * shown beside them ({@link ClientThreads}). The server is warmed up first, as one that has been running would be.
 */
final class McpToolLatency {

    static final double TARGET_P99_MILLIS = 10;
    /** The figures reported, in order; a lock and its release are timed apart and as the pair an agent does. */
    static final List<String> TOOLS = List.of("write_note", "read_note", "lock_files", "release_files",
            "lock_files + release_files");

    private McpToolLatency() {}

    /** One kind of round trip an agent makes; a round may time several calls. */
    private enum Operation {
        PING, WRITE, READ, LOCK_PAIR,
        /**
         * Every other operation in turn, the way a running server sees them all at once. Warming up on this keeps the
         * JIT from compiling for one tool only and throwing that code away when the next phase calls another.
         */
        MIXED;

        /** The operations that give figures, one phase each. */
        static final List<Operation> PHASES = List.of(PING, WRITE, READ, LOCK_PAIR);

        void once(McpHttp client, int clientIndex, int iteration, Map<String, List<Double>> into) {
            switch (this) {
                case MIXED -> {
                    for (Operation operation : PHASES) operation.once(client, clientIndex, iteration, into);
                }
                case PING -> add(into, "ping", client.ping().millis());
                case WRITE -> add(into, "write_note", client.callTool("write_note",
                        Map.of("key", key(clientIndex), "value", "value " + iteration)).millis());
                case READ -> {
                    McpHttp.Call read = client.callTool("read_note", Map.of("key", key(clientIndex)));
                    if (!read.payload().path("found").asBoolean()) throw new IllegalStateException("note not found");
                    add(into, "read_note", read.millis());
                }
                case LOCK_PAIR -> {
                    List<String> files = List.of("bench-mcp/client-" + clientIndex + ".txt");
                    McpHttp.Call lock = client.callTool("lock_files",
                            Map.of("files", files, "reason", "bench", "timeout_seconds", 0));
                    String status = lock.payload().path("status").asString();
                    if (!status.equals("acquired")) throw new IllegalStateException("lock_files answered " + status);
                    McpHttp.Call release = client.callTool("release_files", Map.of("files", files));
                    add(into, "lock_files", lock.millis());
                    add(into, "release_files", release.millis());
                    add(into, "lock_files + release_files", (release.endNanos() - lock.startNanos()) / 1e6);
                }
            }
        }

        private static String key(int clientIndex) {
            return "bench/mcp/client-" + clientIndex;
        }

        private static void add(Map<String, List<Double>> into, String name, double millis) {
            into.computeIfAbsent(name, n -> new ArrayList<>()).add(millis);
        }
    }

    /** Samples of one phase: every figure's response times, and how long and how much CPU the phase took. */
    private record Phase(Map<String, List<Double>> millis, double wallSeconds, double cpuSeconds) {

        int calls() {
            // The pair's figure repeats two calls already counted on their own.
            return millis.entrySet().stream().filter(e -> !e.getKey().contains(" + "))
                    .mapToInt(e -> e.getValue().size()).sum();
        }
    }

    static void run(BenchApp app, Report report, ActiveRuns runs, int clientCount, int singleCalls, int callsPerClient,
                    int warmUp) throws Exception {
        List<McpHttp> clients = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            McpHttp client = new McpHttp(app.baseUrl(), runs.token(i));
            client.initialize();
            clients.add(client);
        }
        // Connection set-up and the first note of every key happen here, never in a figure; then the JIT settles.
        for (Operation operation : Operation.PHASES) measure(clients.subList(0, 1), operation, warmUp);
        WarmUp warm = warmUp(clients, Math.max(5, warmUp / 20));

        report.figure(String.format(Locale.ROOT, "client: JSON-RPC tools/call POSTs from a minimal blocking HTTP/1.1 client, Accept:"
                + " application/json (single JSON answer, the Codex path), one keep-alive socket per client,"
                + " after initialize; %d warm-up calls per tool from one client, then %d rounds of all tools mixed from"
                + " all clients (%d calls) until a round's JIT compiling took %d ms", warmUp, warm.rounds(), warm.calls(),
                warm.lastRoundJitMillis()));
        report.note("%d clients over %d active runs%s; clients are virtual threads in the server's JVM and share its %d"
                        + " cores; each client sends its next call as soon as the last is answered",
                clientCount, runs.size(), runs.size() < clientCount ? " (runs shared by several clients)" : "",
                Runtime.getRuntime().availableProcessors());

        Results singleResults = figures(clients.subList(0, 1), singleCalls);
        Map<String, Percentiles> single = singleResults.latency();
        for (String tool : TOOLS) {
            report.figure(String.format(Locale.ROOT, "%s, 1 client (%d calls): %s", tool, single.get(tool).count(),
                    single.get(tool).summary()));
        }
        report.note("for reference, JSON-RPC ping (auth + transport + SDK, no tool), 1 client: %s",
                single.get("ping").summary());
        report.note("throughput and JVM CPU (server + clients + fake model) per call, 1 client: %s",
                String.join("; ", singleResults.load()));
        McpHttp streaming = new McpHttp(app.baseUrl(), runs.token(0), "application/json, text/event-stream");
        streaming.initialize();
        measure(List.of(streaming), Operation.WRITE, warmUp);
        report.note("write_note over the event-stream answer Claude Code asks for, 1 client: %s",
                Percentiles.of(measure(List.of(streaming), Operation.WRITE, singleCalls).millis().get("write_note"))
                        .summary());

        Results manyResults = figures(clients, callsPerClient);
        Map<String, Percentiles> many = manyResults.latency();
        for (String tool : TOOLS) {
            Percentiles p = many.get(tool);
            String figure = String.format(Locale.ROOT, "%s, %d clients at once (%d calls): %s", tool, clientCount,
                    p.count(), p.summary());
            // The target is per tool call; the pair is two calls back to back, shown for what an agent waits in all.
            if (tool.contains(" + ")) report.figure(figure + " (both calls together)");
            else report.figure(figure, "p99 < 10 ms at " + clientCount + " clients", p.p99() < TARGET_P99_MILLIS);
        }
        report.note("for reference, JSON-RPC ping, %d clients: %s", clientCount, many.get("ping").summary());
        report.note("throughput and JVM CPU per call, %d clients: %s", clientCount,
                String.join("; ", manyResults.load()));

        Results osResults = figures(clients, callsPerClient, ClientThreads.PLATFORM);
        report.note("the same %d clients each on an OS thread of its own (as separate agent processes are): %s",
                clientCount, TOOLS.stream().map(tool -> tool + " " + osResults.latency().get(tool).summary())
                        .collect(Collectors.joining("; ")));
        report.note("  not held to the target: with zero think time, %d busy client threads and the server's carriers"
                + " are time-sliced by the OS on %d cores, so a call also counts the time its client thread waits for"
                + " the OS to run it again (most reads are answered in a tenth of a millisecond there); real agents"
                + " spend seconds on the model between calls", clientCount,
                Runtime.getRuntime().availableProcessors());
    }

    /** How the JIT was warmed: rounds of all tools mixed from all clients, and the compile time of the last one. */
    private record WarmUp(int rounds, long calls, long lastRoundJitMillis) {}

    /**
     * Until a round of all tools mixed, from all clients, costs the JIT under {@value #SETTLED_JIT_MILLIS} ms (at most
     * {@value #MAX_WARM_UP_ROUNDS} rounds): the figures are of a server that has been running, and a compile in the
     * middle of a phase stalls every call in flight at once, which is exactly what a p99 picks up.
     */
    static final long SETTLED_JIT_MILLIS = 20;
    static final int MAX_WARM_UP_ROUNDS = 20;

    private static WarmUp warmUp(List<McpHttp> clients, int callsPerClient) throws Exception {
        long calls = 0;
        long spent = Long.MAX_VALUE;
        int rounds = 0;
        while (rounds < MAX_WARM_UP_ROUNDS && spent >= SETTLED_JIT_MILLIS) {
            long before = Jit.compileMillis();
            calls += measure(clients, Operation.MIXED, callsPerClient).calls();
            spent = Jit.compileMillis() - before;
            rounds++;
            Jit.awaitQuiet();
        }
        return new WarmUp(rounds, calls, spent);
    }

    /** What one client count gave: every figure by name, and each operation's throughput and CPU per call. */
    private record Results(Map<String, Percentiles> latency, List<String> load) {}

    /** Every operation in turn with these clients; prints nothing. */
    private static Results figures(List<McpHttp> clients, int callsPerClient) throws Exception {
        return figures(clients, callsPerClient, ClientThreads.VIRTUAL);
    }

    private static Results figures(List<McpHttp> clients, int callsPerClient, ClientThreads threads) throws Exception {
        Map<String, Percentiles> latency = new LinkedHashMap<>();
        List<String> load = new ArrayList<>();
        for (Operation operation : Operation.PHASES) {
            // The same phase once unmeasured, then a pause for the compiler: one tool called over and over takes
            // paths a mix did not, and what the JIT makes of them should not land in the middle of the figures.
            measure(clients, operation, callsPerClient, threads);
            Jit.awaitQuiet();
            Phase phase = measure(clients, operation, callsPerClient, threads);
            phase.millis().forEach((name, millis) -> latency.put(name, Percentiles.of(millis)));
            // Little's law: with every client always waiting on a call, clients / throughput is the mean latency,
            // so once the CPU is saturated the figures are CPU per call x clients / cores, not a server stall.
            double perSecond = phase.calls() / phase.wallSeconds();
            load.add(String.format(Locale.ROOT, "%s %.0f calls/s, %.2f ms CPU/call, clients/throughput %s",
                    operation.name().toLowerCase(Locale.ROOT), perSecond, phase.cpuSeconds() * 1000 / phase.calls(),
                    Percentiles.ms(clients.size() * 1000 / perSecond)));
        }
        return new Results(latency, load);
    }

    /** All clients at once, each on its own thread, released together; each does {@code iterations} rounds. */
    private static Phase measure(List<McpHttp> clients, Operation operation, int iterations) throws Exception {
        return measure(clients, operation, iterations, ClientThreads.VIRTUAL);
    }

    private static Phase measure(List<McpHttp> clients, Operation operation, int iterations, ClientThreads kind)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Map<String, List<Double>>>> futures = new ArrayList<>();
        double cpuBefore;
        long start;
        try (ExecutorService threads = kind.start(clients.size())) {
            for (int c = 0; c < clients.size(); c++) {
                McpHttp client = clients.get(c);
                int index = c;
                futures.add(threads.submit(() -> {
                    go.await();
                    Map<String, List<Double>> millis = new LinkedHashMap<>();
                    for (int i = 0; i < iterations; i++) operation.once(client, index, i, millis);
                    return millis;
                }));
            }
            cpuBefore = ChildCpu.ownSeconds();
            start = System.nanoTime();
            go.countDown();
            Map<String, List<Double>> all = new LinkedHashMap<>();
            for (Future<Map<String, List<Double>>> future : futures) {
                future.get().forEach((name, millis) -> all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(millis));
            }
            return new Phase(all, (System.nanoTime() - start) / 1e9, ChildCpu.ownSeconds() - cpuBefore);
        }
    }
}
