package dev.autodev.mcp;

import dev.autodev.agents.AgentIdentity;
import tools.jackson.databind.JsonNode;

/**
 * One MCP tool as the orchestrator offers it to agents.
 *
 * @param name        the tool name; Claude sees it as {@code mcp__orchestrator__<name>}
 * @param description what the tool does and when to use it, written for the model
 * @param inputSchema a JSON Schema (as JSON text) for the arguments
 * @param audience    the runs it is listed for and may be called by ({@link Audience#EVERY_RUN} unless narrowed)
 * @param handler     runs the call as the calling agent
 */
public record McpTool(String name, String description, String inputSchema, Audience audience, Handler handler) {

    /** A tool for every run. */
    public McpTool(String name, String description, String inputSchema, Handler handler) {
        this(name, description, inputSchema, Audience.EVERY_RUN, handler);
    }

    /** The same tool, listed for and callable by {@code only} those runs. */
    public McpTool offeredTo(Audience only) {
        return new McpTool(name, description, inputSchema, only, handler);
    }

    /** Runs one call. Returns any JSON-serialisable value (sent to the model as JSON text); throws {@link ToolError} for a refusal the model should read. */
    @FunctionalInterface
    public interface Handler {
        Object call(AgentIdentity caller, JsonNode arguments) throws Exception;
    }
}
