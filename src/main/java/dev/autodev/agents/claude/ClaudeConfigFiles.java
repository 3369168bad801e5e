package dev.autodev.agents.claude;

import dev.autodev.agents.AgentConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files that connect a Claude Code run to the orchestrator. They go to files rather than command-line arguments
 * because they carry the run's token, and arguments are visible to every user in a process listing.
 */
final class ClaudeConfigFiles {

    static final String SERVER_NAME = "orchestrator";
    static final String EDIT_TOOLS = "Edit|Write|MultiEdit|NotebookEdit";

    private ClaudeConfigFiles() {}

    /** The orchestrator as an HTTP MCP server, with the run's token on every request. */
    static Path writeMcpConfig(JsonMapper json, AgentConnection connection) {
        Map<String, Object> server = Map.of("type", "http", "url", connection.mcpUrl(),
                "headers", Map.of("Authorization", "Bearer " + connection.token()));
        return write(json, connection.configDir().resolve("mcp.json"), Map.of("mcpServers", Map.of(SERVER_NAME, server)));
    }

    /** The PreToolUse hook that refuses an edit unless the run holds the file's lock. */
    static Path writeHookSettings(JsonMapper json, AgentConnection connection) {
        Map<String, Object> hook = Map.of("type", "command", "command", connection.lockHook().toString());
        Map<String, Object> matcher = Map.of("matcher", EDIT_TOOLS, "hooks", List.of(hook));
        return write(json, connection.configDir().resolve("settings.json"), Map.of("hooks", Map.of("PreToolUse", List.of(matcher))));
    }

    /**
     * The lock hook as for batch runs, plus the session hook on the events that tell an interactive session's state:
     * Stop (the turn ended: idle), Notification (it waits for the person), UserPromptSubmit (a new turn: busy).
     */
    static Path writeInteractiveSettings(JsonMapper json, AgentConnection connection) {
        Map<String, Object> lock = Map.of("matcher", EDIT_TOOLS,
                "hooks", List.of(Map.of("type", "command", "command", connection.lockHook().toString())));
        List<Object> session = List.of(Map.of("hooks", List.of(Map.of("type", "command",
                "command", connection.sessionHook().toString()))));
        Map<String, Object> hooks = Map.of("PreToolUse", List.of(lock), "Stop", session, "Notification", session,
                "UserPromptSubmit", session);
        return write(json, connection.configDir().resolve("settings.json"), Map.of("hooks", hooks));
    }

    /**
     * The same for every run: the MCP token tells the orchestrator which agent calls, and a guide that named the run
     * would keep a CLI from being started before its run is known ({@link dev.autodev.agents.WarmStarts}).
     */
    static String orchestrationGuide() {
        return """
                You are one of several agents working in parallel under an orchestrator. Its tools are \
                mcp__%s__*. Before editing a file, lock it with lock_files and release it with release_files when \
                done; edits to files you have not locked are refused. Share results with write_note/read_note/\
                watch_notes, split work with create_job and wait_for_jobs, ask the user with ask_user when you \
                cannot decide, and report progress with report_status.""".formatted(SERVER_NAME);
    }

    private static Path write(JsonMapper json, Path file, Object content) {
        try {
            Files.writeString(file, json.writeValueAsString(content));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
