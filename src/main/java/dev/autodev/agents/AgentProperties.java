package dev.autodev.agents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How agent processes are launched.
 *
 * @param claudeBin          the Claude Code CLI (CLAUDE_BIN, default {@code claude} on PATH)
 * @param logDir             where each run's raw output goes first: {@code <runId>.ndjson} and {@code .stderr}
 *                           (AGENT_LOG_DIR, default {@code data/agent-logs}; a relative value is resolved against the
 *                           server's working directory at start)
 * @param stopGrace          how long a stopped run gets between SIGTERM and SIGKILL
 * @param completionTurnCap  the turn cap for stop mode completion, so a confused agent cannot loop forever
 * @param env                extra environment for every agent process (e.g. ANTHROPIC_BASE_URL for a proxy)
 * @param tailInterval       how often a live run's output file is read while the process is quiet
 * @param lockHook           the PreToolUse hook that refuses edits without a lock (LOCK_HOOK); blank means the copy
 *                           bundled in the app, installed under {@code data/hooks} (beside the log dir)
 * @param stopOnShutdown     stop agents when the server stops (their jobs requeue); by default they keep running
 *                           and the next start takes them over
 * @param niceness           scheduling priority of agent processes once past their start (0..19, default 10), so a
 *                           crowd of agents never starves the server that supervises them
 * @param codexBin           the Codex CLI (CODEX_BIN, default {@code codex} on PATH), which runs models named
 *                           {@code codex} or {@code codex-<model>}
 * @param codexDefaultModel  the model a job named plain {@code codex} runs (CODEX_MODEL, default {@code gpt-5.5})
 * @param codexConfig        extra {@code key=value} overrides passed to every Codex run as {@code -c}, e.g. a custom
 *                           model provider ({@code model_provider=...}, {@code model_providers.NAME={...}})
 */
@ConfigurationProperties("autodev.agents")
public record AgentProperties(
        String claudeBin,
        Path logDir,
        Duration stopGrace,
        int completionTurnCap,
        Map<String, String> env,
        Duration tailInterval,
        Path lockHook,
        boolean stopOnShutdown,
        Integer niceness,
        String codexBin,
        String codexDefaultModel,
        List<String> codexConfig) {

    public AgentProperties {
        if (claudeBin == null || claudeBin.isBlank()) claudeBin = "claude";
        // Agents run in other directories (their job's work dir, a worktree), so every path handed to them is
        // absolute, resolved once here against the server's own directory.
        logDir = (logDir == null ? Path.of("data", "agent-logs") : logDir).toAbsolutePath().normalize();
        lockHook = lockHook == null || lockHook.toString().isBlank() ? null : lockHook.toAbsolutePath().normalize();
        if (stopGrace == null) stopGrace = Duration.ofSeconds(5);
        if (completionTurnCap < 1) completionTurnCap = 1000;
        env = env == null ? Map.of() : Map.copyOf(env);
        if (tailInterval == null) tailInterval = Duration.ofMillis(20);
        if (niceness == null) niceness = 10;
        if (niceness < 0 || niceness > 19) throw new IllegalArgumentException("autodev.agents.niceness must be 0..19");
        if (codexBin == null || codexBin.isBlank()) codexBin = "codex";
        if (codexDefaultModel == null || codexDefaultModel.isBlank()) codexDefaultModel = "gpt-5.5";
        codexConfig = codexConfig == null ? List.of() : List.copyOf(codexConfig);
    }
}
