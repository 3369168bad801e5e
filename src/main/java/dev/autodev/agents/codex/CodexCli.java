package dev.autodev.agents.codex;

import dev.autodev.agents.AgentCli;
import dev.autodev.agents.AgentConnection;
import dev.autodev.agents.AgentProperties;
import dev.autodev.agents.InteractiveCommand;
import dev.autodev.agents.InteractiveTranscript;
import dev.autodev.agents.LaunchCommand;
import dev.autodev.agents.LaunchRequest;
import dev.autodev.agents.OutputParser;
import dev.autodev.usage.PriceTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI's Codex CLI in exec mode, printing one JSON event per line ({@code --json}). Runs the models named
 * {@code codex} (the configured default model) and {@code codex-<model>} (that model). The prompt arrives on stdin
 * ({@code -} as the prompt argument); Continue is {@code codex exec resume <thread id>}.
 *
 * <p>Codex has no turn or budget cap of its own, so {@code maxTurns} and {@code budgetUsd} are not passed: the
 * supervisor stops a run that goes past its turns ({@link #stopsAtTurnLimit()}), and a job's time limit applies as
 * for every CLI. Codex reports tokens only when its turn ends, so a budget cannot stop it midway.
 *
 * <p>The lock hook is Codex's PreToolUse hook for the run ({@link CodexLockHook}): an {@code apply_patch} edit, and a
 * shell command carrying a patch, goes through only for files the run has locked. Other shell commands are not
 * gated (what they write cannot be told from their text), and a patch run through the shell with another
 * {@code workdir} is checked against the run's directory, because Codex does not pass the workdir to hooks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CodexCli implements AgentCli {

    static final String SERVER_NAME = "orchestrator";
    static final String TOKEN_VARIABLE = "ORCHESTRATOR_AGENT_TOKEN";
    private static final String PREFIX = "codex";
    /** The model the pinned CLI's upgrade dialog offers; recorded as already offered for interactive sessions. */
    private static final String MIGRATION_SEEN = "gpt-6-sol";

    private final AgentProperties properties;
    private final JsonMapper json;
    private final PriceTable prices;
    private final CodexThreadTotals threadTotals;
    private final Clock clock;

    CodexCli(AgentProperties properties, JsonMapper json, PriceTable prices, CodexThreadTotals threadTotals, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.prices = prices;
        this.threadTotals = threadTotals;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "codex";
    }

    /** Each agent message, command, tool call and file change counts as a turn ({@link CodexJsonParser}). */
    @Override
    public boolean stopsAtTurnLimit() {
        return false;
    }

    @Override
    public boolean supports(String model) {
        return model.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /** The model Codex is asked for: {@code codex} is the configured default, {@code codex-<name>} is {@code <name>}. */
    String codexModel(String model) {
        String rest = model.substring(PREFIX.length());
        if (rest.startsWith("-") || rest.startsWith(":") || rest.startsWith("/")) rest = rest.substring(1);
        return rest.isBlank() ? properties.codexDefaultModel() : rest;
    }

    @Override
    public LaunchCommand command(LaunchRequest request) {
        List<String> args = new ArrayList<>(List.of(properties.codexBin(), "exec"));
        if (request.resume()) args.add("resume");
        args.addAll(List.of("--json", "--skip-git-repo-check",
                // Nobody is at a terminal to approve commands; file locks and worktrees are the guard rails.
                "--dangerously-bypass-approvals-and-sandbox",
                "-m", codexModel(request.model())));
        for (String override : properties.codexConfig()) args.addAll(List.of("-c", override));
        AgentConnection connection = request.connection();
        String server = "mcp_servers." + SERVER_NAME;
        // The token stays in the environment: arguments are visible to every user in a process listing.
        args.addAll(List.of("-c", server + ".url=" + tomlString(connection.mcpUrl())));
        args.addAll(List.of("-c", server + ".bearer_token_env_var=" + tomlString(TOKEN_VARIABLE)));
        // Blocking tools (ask_user, wait_for_jobs) may take longer than Codex's default tool timeout.
        args.addAll(List.of("-c", server + ".tool_timeout_sec=3600"));
        args.addAll(List.of("-c", "developer_instructions=" + tomlString(orchestrationGuide(request.runId()))));
        args.addAll(CodexLockHook.arguments(connection.lockHook()));
        if (request.resume()) args.add(request.sessionId());
        args.add("-"); // the prompt is on stdin

        Map<String, String> env = new HashMap<>();
        env.put("ORCHESTRATOR_AGENT_ID", request.runId());
        env.put(TOKEN_VARIABLE, connection.token());
        env.put("ORCHESTRATOR_API_URL", connection.apiUrl());
        env.putAll(properties.env());
        return new LaunchCommand(List.copyOf(args), env, request.workDir());
    }

    /**
     * The terminal UI ({@code codex} without {@code exec}), with the batch run's overrides, MCP server, guide and lock
     * hook, the prompt as its first message, and the session hook as Codex's {@code notify} program (called when a
     * turn completes: idle). What the session says and spends is read from the rollout file Codex writes
     * ({@link CodexRollouts}, {@link CodexRolloutParser}).
     */
    @Override
    public Optional<InteractiveCommand> interactiveCommand(LaunchRequest request, String prompt) {
        LaunchCommand batch = command(request);
        List<String> args = new ArrayList<>(List.of(properties.codexBin()));
        if (request.resume()) args.addAll(List.of("resume", request.sessionId()));
        // exec's own flags stay out; the rest (model, -c overrides, MCP, guide, hooks) is the same.
        List<String> shared = batch.args().subList(2, batch.args().size()).stream()
                .filter(a -> !a.equals("--json") && !a.equals("--skip-git-repo-check") && !a.equals("-") && !a.equals("resume")
                        && !a.equals(request.sessionId()))
                .toList();
        args.addAll(shared);
        args.addAll(List.of("-c", "notify=[" + tomlString(request.connection().sessionHook().toString()) + "]"));
        // The terminal UI would first offer a newer model in a dialog nobody is there to answer: mark it as seen.
        String model = codexModel(request.model());
        args.addAll(List.of("-c", "notice.model_migrations={" + tomlString(model) + "=" + tomlString(MIGRATION_SEEN) + "}"));
        if (prompt != null && !prompt.isBlank()) {
            if (prompt.startsWith("-")) args.add("--");
            args.add(prompt);
        }
        InteractiveTranscript transcript = CodexRollouts.transcript(CodexRollouts.sessions(batch.env()), request.runId(),
                request.resume() ? request.sessionId() : null, clock.instant().minusSeconds(5), clock);
        return Optional.of(new InteractiveCommand(new LaunchCommand(List.copyOf(args), batch.env(), batch.workDir()), transcript));
    }

    /** A session taken over after a restart: by then its thread id is usually recorded as the run's session id. */
    @Override
    public Optional<InteractiveTranscript> interactiveTranscript(LaunchRequest request) {
        Map<String, String> env = new HashMap<>(properties.env());
        return Optional.of(CodexRollouts.transcript(CodexRollouts.sessions(env), request.runId(), request.sessionId(), null, clock));
    }

    /**
     * A resumed thread's rollout file still holds the earlier runs' lines: only what is written from now on (the
     * session starts after this) is this run's.
     */
    @Override
    public OutputParser newTranscriptParser(LaunchRequest request) {
        CodexThreadTotals.Totals before = request.resume()
                ? threadTotals.before(request.sessionId(), request.runId())
                : CodexThreadTotals.Totals.NONE;
        return new CodexRolloutParser(json, prices, codexModel(request.model()), before,
                request.resume() ? clock.instant().minusMillis(500) : null);
    }

    @Override
    public OutputParser newParser() {
        return new CodexJsonParser(json, clock, prices, properties.codexDefaultModel(), CodexThreadTotals.Totals.NONE);
    }

    @Override
    public String credentialsHint() {
        return "check the API key the agents get (for a custom model provider, the variable its env_key names, e.g. set"
                + " through autodev.agents.env) or the CLI's login (run `codex login` as the user the server runs as)";
    }

    /** A resumed thread reports its totals since the thread began, so the runs before this one are subtracted. */
    @Override
    public OutputParser newParser(LaunchRequest request) {
        CodexThreadTotals.Totals before = request.resume()
                ? threadTotals.before(request.sessionId(), request.runId())
                : CodexThreadTotals.Totals.NONE;
        return new CodexJsonParser(json, clock, prices, codexModel(request.model()), before);
    }

    static String orchestrationGuide(String runId) {
        return """
                You are agent %s, one of several agents working in parallel under an orchestrator. Its tools are \
                the %s MCP server's. Before editing a file, lock it with lock_files and release it with \
                release_files when done; apply_patch edits of files you have not locked are refused. Share results \
                with write_note/read_note/watch_notes, split work with create_job and wait_for_jobs, ask the user \
                with ask_user when you cannot decide, and report progress with report_status.""".formatted(runId, SERVER_NAME);
    }

    /** A TOML basic string, since {@code -c} values are parsed as TOML. */
    static String tomlString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
