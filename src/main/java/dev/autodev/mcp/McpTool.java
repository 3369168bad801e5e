package dev.autodev.mcp;

import dev.autodev.agents.AgentIdentity;
import tools.jackson.databind.JsonNode;

/**
 * One MCP tool as the orchestrator offers it to agents.
 *
 * @param name        the tool name; Claude sees it as {@code mcp__orchestrator__<name>}
 * @param description what the tool does and when to use it, written for the model
 * @param inputSchema a JSON Schema (as JSON text) for the arguments
 * @param handler     runs the call as the calling agent
 */
public record McpTool(String name, String description, String inputSchema, Handler handler) {

    /** Runs one call. Returns any JSON-serialisable value (sent to the model as JSON text); throws {@link ToolError} for a refusal the model should read. */
    @FunctionalInterface
    public interface Handler {
        Object call(AgentIdentity caller, JsonNode arguments) throws Exception;
    }
}
