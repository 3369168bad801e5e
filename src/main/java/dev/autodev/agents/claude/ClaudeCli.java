package dev.autodev.agents.claude;

import dev.autodev.agents.AgentCli;
import dev.autodev.agents.AgentConnection;
import dev.autodev.agents.AgentProperties;
import dev.autodev.agents.InteractiveCommand;
import dev.autodev.agents.InteractiveTranscript;
import dev.autodev.usage.PriceTable;
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
import java.util.Optional;
import java.nio.file.Path;
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
    private final PriceTable prices;

    ClaudeCli(AgentProperties properties, JsonMapper json, Clock clock, PriceTable prices) {
        this.prices = prices;
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

    /** The prompt is read from stdin after the CLI's start-up, and the guide names no run. */
    @Override
    public boolean startsAhead() {
        return true;
    }

    private static final String MCP_CONNECT_TIMEOUT = "MCP_CONNECT_TIMEOUT_MS";
    private static final String MCP_NONBLOCKING = "MCP_CONNECTION_NONBLOCKING";

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
        args.addAll(List.of("--append-system-prompt", ClaudeConfigFiles.orchestrationGuide()));

        Map<String, String> env = new HashMap<>();
        // Claude Code refuses to skip permissions as root unless told it is sandboxed (containers, CI).
        if ("root".equals(System.getProperty("user.name"))) env.put("IS_SANDBOX", "1");
        // The lock hook runs inside the agent's process tree and identifies the run by these.
        env.put("ORCHESTRATOR_AGENT_ID", request.runId());
        env.put("ORCHESTRATOR_AGENT_TOKEN", connection.token());
        env.put("ORCHESTRATOR_API_URL", connection.apiUrl());
        // In print mode Claude Code connects MCP servers in the background and sends its first model call without
        // waiting for them; when the orchestrator's handshake is slower than that call (a busy machine, a burst of
        // agents starting at once), the agent has no lock_files and cannot edit at all. So agents wait for the
        // connection, up to 60 s instead of 5: the server is local, and waiting costs nothing when it is fast.
        if (System.getenv(MCP_NONBLOCKING) == null) env.put(MCP_NONBLOCKING, "false");
        if (System.getenv(MCP_CONNECT_TIMEOUT) == null) env.put(MCP_CONNECT_TIMEOUT, "60000");
        env.putAll(properties.env());
        return new LaunchCommand(List.copyOf(args), env, request.workDir());
    }

    /**
     * The terminal UI: no {@code -p}, the prompt as the first message, the same MCP config, guide and permissions as
     * a batch run, and a Claude Code home of the conversation's own ({@link ClaudeTuiState}) where its transcript goes.
     * Turn and budget caps are print-mode options: a person at the keyboard is the limit here.
     */
    @Override
    public Optional<InteractiveCommand> interactiveCommand(LaunchRequest request, String prompt) {
        // The batch command's environment (first: it writes the batch settings file, which the TUI's replaces).
        Map<String, String> env = new HashMap<>(command(request).env());
        AgentConnection connection = request.connection();
        List<String> args = new ArrayList<>(List.of(properties.claudeBin(), "--dangerously-skip-permissions",
                "--model", request.model()));
        args.addAll(List.of(request.resume() ? "--resume" : "--session-id", request.sessionId()));
        args.addAll(List.of("--mcp-config", ClaudeConfigFiles.writeMcpConfig(json, connection).toString()));
        args.addAll(List.of("--settings", ClaudeConfigFiles.writeInteractiveSettings(json, connection).toString()));
        args.addAll(List.of("--append-system-prompt", ClaudeConfigFiles.orchestrationGuide()));
        if (prompt != null && !prompt.isBlank()) {
            if (prompt.startsWith("-")) args.add("--"); // a prompt is never an option
            args.add(prompt);
        }
        String apiKey = env.getOrDefault("ANTHROPIC_API_KEY", System.getenv("ANTHROPIC_API_KEY"));
        Path home = home(request);
        env.put("CLAUDE_CONFIG_DIR", ClaudeTuiState.prepare(json, home, request.workDir(), apiKey).toString());
        return Optional.of(new InteractiveCommand(new LaunchCommand(List.copyOf(args), env, request.workDir()),
                transcript(request)));
    }

    /** {@code <home>/projects/<folder of the work dir>/<session id>.jsonl}. */
    @Override
    public Optional<InteractiveTranscript> interactiveTranscript(LaunchRequest request) {
        return Optional.of(transcript(request));
    }

    private InteractiveTranscript transcript(LaunchRequest request) {
        return InteractiveTranscript.named(home(request).resolve("projects"), 2, request.sessionId() + ".jsonl");
    }

    /** A resumed session's transcript holds the runs before it: only what is written from now on is this run's. */
    @Override
    public OutputParser newTranscriptParser(LaunchRequest request) {
        return new ClaudeTranscriptParser(new ClaudeStreamParser(json, clock, prices, request.model()), json,
                request.resume() ? clock.instant().minusMillis(500) : null);
    }

    /**
     * When it exits (or is stopped with SIGTERM), Claude Code writes what the session cost to its home's
     * {@code .claude.json}, under the work dir's project: {@code lastSessionId}, {@code lastCost} and
     * {@code lastTotal...Tokens}, side calls (e.g. titles) included. Those are its own figures, so they replace the
     * estimate. A resumed session's figures may include the runs before it, so only a new session's are taken.
     */
    @Override
    public Optional<dev.autodev.agents.RunProgress> interactiveTotals(LaunchRequest request,
                                                                       dev.autodev.agents.RunProgress fromTranscript) {
        if (request.resume()) return Optional.empty();
        Path config = home(request).resolve(".claude.json");
        try {
            if (!java.nio.file.Files.isRegularFile(config)) return Optional.empty();
            for (tools.jackson.databind.JsonNode project : json.readTree(config.toFile()).path("projects")) {
                if (!project.path("lastSessionId").asString("").equals(request.sessionId())) continue;
                if (!project.path("lastCost").isNumber()) return Optional.empty();
                long input = project.path("lastTotalInputTokens").asLong(0)
                        + project.path("lastTotalCacheCreationInputTokens").asLong(0)
                        + project.path("lastTotalCacheReadInputTokens").asLong(0);
                return Optional.of(new dev.autodev.agents.RunProgress(request.sessionId(), fromTranscript.numTurns(),
                        input, project.path("lastTotalOutputTokens").asLong(0), project.path("lastCost").asDouble(),
                        false, null));
            }
        } catch (RuntimeException e) {
            // a file being rewritten or of another shape: the estimate stands
        }
        return Optional.empty();
    }

    /** The Claude Code home of a conversation: kept per session id, so Continue after the end resumes it there. */
    private Path home(LaunchRequest request) {
        return properties.logDir().resolve(request.sessionId() + ".claude");
    }

    @Override
    public OutputParser newParser() {
        return new ClaudeStreamParser(json, clock, prices, null);
    }

    @Override
    public OutputParser newParser(LaunchRequest request) {
        return new ClaudeStreamParser(json, clock, prices, request.model());
    }

    @Override
    public String credentialsHint() {
        return "check the API key the agents get (ANTHROPIC_API_KEY, e.g. through autodev.agents.env) or the CLI's login"
                + " (run `claude /login` as the user the server runs as)";
    }
}
