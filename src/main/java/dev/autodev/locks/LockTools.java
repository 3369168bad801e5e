package dev.autodev.locks;

import static dev.autodev.mcp.ToolArguments.optionalString;
import static dev.autodev.mcp.ToolArguments.stringList;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.mcp.McpTool;
import dev.autodev.mcp.McpToolProvider;
import dev.autodev.mcp.ToolError;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The MCP tools agents use to take, give back and look at file locks. */
@Component
class LockTools implements McpToolProvider {

    private final FileLockRegistry registry;
    private final LockWaitMetrics metrics;

    LockTools(FileLockRegistry registry, LockWaitMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    @Override
    public List<McpTool> tools() {
        return List.of(
                new McpTool("lock_files", LockToolTexts.LOCK_FILES, LockToolTexts.LOCK_FILES_SCHEMA, this::lockFiles),
                new McpTool("release_files", LockToolTexts.RELEASE_FILES, LockToolTexts.RELEASE_FILES_SCHEMA, this::releaseFiles),
                new McpTool("check_file_locks", LockToolTexts.CHECK_FILE_LOCKS, LockToolTexts.CHECK_FILE_LOCKS_SCHEMA,
                        this::checkFileLocks));
    }

    Object lockFiles(AgentIdentity caller, JsonNode args) {
        List<String> files = stringList(args, "files", true);
        Duration ttl = seconds(args, "ttl_seconds", "ttl");
        Duration timeout = seconds(args, "timeout_seconds", "timeout");
        long started = System.nanoTime();
        try {
            LockResult result = registry.acquire(caller, files, optionalString(args, "reason"), ttl, timeout);
            metrics.record(LockWaitMetrics.outcome(result), started);
            return LockViews.of(caller, result);
        } catch (IllegalArgumentException | IllegalStateException e) {
            metrics.record("refused", started);
            throw new ToolError(e.getMessage());
        }
    }

    Object releaseFiles(AgentIdentity caller, JsonNode args) {
        return LockViews.of(registry.release(caller, stringList(args, "files", false)));
    }

    Object checkFileLocks(AgentIdentity caller, JsonNode args) {
        List<LockTarget> filter;
        try {
            filter = stringList(args, "files", false).stream().map(f -> LockTarget.parse(f, caller.workDir())).toList();
        } catch (IllegalArgumentException e) {
            throw new ToolError("files: " + e.getMessage());
        }
        List<FileLock> locks = registry.list().stream()
                .filter(lock -> filter.isEmpty() || filter.stream().anyMatch(lock.target()::overlaps))
                .toList();
        return Map.of("locks", locks.stream().map(lock -> LockViews.lock(caller, lock)).toList(), "count", locks.size());
    }

    /**
     * A duration in seconds under either name. Models send numbers as strings and fractions now and then, and a
     * refusal over that would cost a turn for nothing, so both are taken.
     */
    static Duration seconds(JsonNode args, String name, String alias) {
        String used = args.has(name) ? name : alias;
        JsonNode value = args.path(used);
        if (value.isMissingNode() || value.isNull()) return null;
        try {
            BigDecimal seconds = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString().strip());
            if (seconds.signum() < 0) throw new ToolError(used + ": must not be negative");
            return Duration.ofMillis(seconds.movePointRight(3).longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ToolError(used + ": must be a number of seconds");
        }
    }
}
