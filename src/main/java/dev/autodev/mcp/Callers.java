package dev.autodev.mcp;

import dev.autodev.agents.AgentIdentity;
import io.modelcontextprotocol.common.McpTransportContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * Carries the authenticated run from the HTTP request to the tool handler: {@link BearerAuthFilter} puts it on the
 * request, the transport copies it into the SDK's transport context, and the tool adapter reads it from there.
 */
final class Callers {

    static final String KEY = "dev.autodev.mcp.caller";

    private Callers() {}

    static void attach(HttpServletRequest request, AgentIdentity caller) {
        request.setAttribute(KEY, caller);
    }

    static McpTransportContext context(HttpServletRequest request) {
        Object caller = request.getAttribute(KEY);
        return caller == null ? McpTransportContext.EMPTY : McpTransportContext.create(Map.of(KEY, caller));
    }

    /** The run a tool call is made by; throws if the request never passed the filter, which would be a wiring bug. */
    static AgentIdentity of(McpTransportContext context) {
        if (context != null && context.get(KEY) instanceof AgentIdentity caller) return caller;
        throw new IllegalStateException("MCP call without an authenticated caller");
    }
}
