package dev.autodev.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.autodev.testsupport.fakemodel.Step;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the CLI alone needs between its model's answer and the tool call that answer asks for: Claude Code run by
 * hand against an MCP server that does nothing but answer at once (a stub with one tool, {@code finish_job}), timed
 * from the model's receipt of the first request to the stub's receipt of {@code tools/call}. Whatever a job's
 * "first model call -> seen done" takes beyond this is the server's (and the client's polling).
 */
final class CliToolCallFloor implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UserMachine machine;
    private final HttpServer server;
    private final Path dir;
    private final Map<String, Instant> toolCalls = new ConcurrentHashMap<>();
    private volatile String current;

    CliToolCallFloor(UserMachine machine) throws IOException {
        this.machine = machine;
        this.dir = Files.createDirectories(machine.root.resolve("tool-call-floor"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/mcp", this::answer);
        server.start();
    }

    /** An MCP config that points the CLI at this stub (no token: the stub asks for none). */
    Path mcpConfig() throws IOException {
        return Files.writeString(dir.resolve("mcp.json"), """
                {"mcpServers":{"orchestrator":{"type":"http","url":"http://127.0.0.1:%d/mcp"}}}"""
                .formatted(server.getAddress().getPort()));
    }

    /**
     * Launch settings that any agent with an MCP server and a settings file has, and nothing of the server's: this
     * stub as its MCP server and an empty settings file. What the CLI costs with these over bare is the CLI's own
     * price for having an MCP connection and settings at all, whatever the server behind them.
     */
    LaunchSettings anyMcpAndSettings() throws IOException {
        Path settings = Files.writeString(dir.resolve("settings.json"), "{}");
        return new LaunchSettings(mcpConfig(), settings, null, Map.of("MCP_CONNECTION_NONBLOCKING", "false"), Map.of(),
                Map.of(), 0);
    }

    /** Median of {@code runs} one-tool-call runs, in milliseconds. */
    double medianMillis(int runs) throws IOException, InterruptedException {
        Path mcpConfig = mcpConfig();
        List<Double> gaps = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            String marker = ServerJobs.marker("floor");
            machine.model.script(marker, Step.toolUse("mcp__orchestrator__finish_job", Map.of("result", "finished")),
                    Step.text("Finished."));
            current = marker;
            ProcessBuilder builder = new ProcessBuilder(machine.claude.toString(), "-p", "--dangerously-skip-permissions",
                    "--model", CliLaunch.MODEL, "--output-format", "stream-json", "--verbose", "Finish at once. " + marker,
                    "--mcp-config", mcpConfig.toString())
                    .directory(machine.workDir.toFile())
                    .redirectOutput(dir.resolve(i + ".ndjson").toFile())
                    .redirectError(dir.resolve(i + ".stderr").toFile());
            builder.environment().putAll(machine.env);
            builder.environment().put("MCP_CONNECTION_NONBLOCKING", "false");
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("a tool-call floor run did not end within 2 minutes; see " + dir);
            }
            Instant called = toolCalls.get(marker);
            if (called == null) throw new IllegalStateException("the CLI never called finish_job; see " + dir);
            if (i > 0) gaps.add(Jobs.millisBetween(CliLaunch.firstCall(machine, marker), called)); // the first warms up
        }
        return JobOverhead.median(gaps);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant received = Instant.now();
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode message = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!message.has("id")) {
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            String method = message.path("method").asString("");
            Object result = switch (method) {
                case "initialize" -> Map.of("protocolVersion", message.path("params").path("protocolVersion").asString(),
                        "capabilities", Map.of("tools", Map.of()), "serverInfo", Map.of("name", "stub", "version", "1"));
                case "tools/list" -> Map.of("tools", List.of(Map.of("name", "finish_job", "description", "Declare the task done.",
                        "inputSchema", Map.of("type", "object", "properties", Map.of("result", Map.of("type", "string"))))));
                case "tools/call" -> {
                    toolCalls.putIfAbsent(current, received);
                    yield Map.of("content", List.of(Map.of("type", "text", "text", "ok")));
                }
                default -> Map.of();
            };
            byte[] body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", message.get("id"), "result", result))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
