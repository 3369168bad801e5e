package dev.autodev.agents.claude;

import dev.autodev.agents.AgentCli;
import dev.autodev.agents.AgentConnection;
import dev.autodev.agents.AgentProperties;
import dev.autodev.agents.LaunchCommand;
import dev.autodev.agents.LaunchRequest;
import dev.autodev.agents.OutputParser;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Claude Code in print mode, streaming one JSON object per line. Runs every model no other CLI claims. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class ClaudeCli implements AgentCli {

    private final AgentProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    ClaudeCli(AgentProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "claude";
    }

    @Override
    public boolean supports(String model) {
        return !model.toLowerCase(Locale.ROOT).startsWith("codex");
    }

    private static final String MCP_CONNECT_TIMEOUT = "MCP_CONNECT_TIMEOUT_MS";

    @Override
    public LaunchCommand command(LaunchRequest request) {
        List<String> args = new ArrayList<>(List.of(properties.claudeBin(), "-p",
                "--output-format", "stream-json", "--verbose",
                // Nobody is at a terminal to approve tool calls; file locks and worktrees are the guard rails.
                "--dangerously-skip-permissions",
                "--model", request.model()));
        if (request.maxTurns() != null) args.addAll(List.of("--max-turns", request.maxTurns().toString()));
        if (request.budgetUsd() != null) {
            args.addAll(List.of("--max-budget-usd", BigDecimal.valueOf(request.budgetUsd()).toPlainString()));
        }
        args.addAll(List.of(request.resume() ? "--resume" : "--session-id", request.sessionId()));
        AgentConnection connection = request.connection();
        args.addAll(List.of("--mcp-config", ClaudeConfigFiles.writeMcpConfig(json, connection).toString()));
        args.addAll(List.of("--settings", ClaudeConfigFiles.writeHookSettings(json, connection).toString()));
        args.addAll(List.of("--append-system-prompt", ClaudeConfigFiles.orchestrationGuide(request.runId())));

        Map<String, String> env = new HashMap<>();
        // Claude Code refuses to skip permissions as root unless told it is sandboxed (containers, CI).
        if ("root".equals(System.getProperty("user.name"))) env.put("IS_SANDBOX", "1");
        // The lock hook runs inside the agent's process tree and identifies the run by these.
        env.put("ORCHESTRATOR_AGENT_ID", request.runId());
        env.put("ORCHESTRATOR_AGENT_TOKEN", connection.token());
        env.put("ORCHESTRATOR_API_URL", connection.apiUrl());
        // Claude Code waits 5 s for MCP servers, then starts without their tools. On a busy machine (a burst of
        // agents starting at once) the orchestrator's handshake can take longer, and an agent without lock_files
        // cannot edit at all; the server is local, so waiting longer costs nothing when it is fast.
        if (System.getenv(MCP_CONNECT_TIMEOUT) == null) env.put(MCP_CONNECT_TIMEOUT, "60000");
        env.putAll(properties.env());
        return new LaunchCommand(List.copyOf(args), env, request.workDir());
    }

    @Override
    public OutputParser newParser() {
        return new ClaudeStreamParser(json, clock);
    }

    @Override
    public String credentialsHint() {
        return "check the API key the agents get (ANTHROPIC_API_KEY, e.g. through autodev.agents.env) or the CLI's login"
                + " (run `claude /login` as the user the server runs as)";
    }
}
