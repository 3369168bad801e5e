package dev.autodev.mcp;

import dev.autodev.agents.AgentIdentity;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tool the features provide, collected once at startup, and which of them a given run is offered. Two tools
 * with one name would make one of them unreachable, so that fails the start.
 */
final class ToolCatalog {

    private final List<McpTool> tools;
    private final Map<String, Audience> audiences = new HashMap<>();

    ToolCatalog(List<McpToolProvider> providers) {
        this.tools = providers.stream().flatMap(p -> p.tools().stream()).toList();
        for (McpTool tool : tools) {
            if (audiences.put(tool.name(), tool.audience()) != null) {
                throw new IllegalStateException("two MCP tools are named " + tool.name());
            }
        }
    }

    List<McpTool> tools() {
        return tools;
    }

    /** {@code all} with the tools {@code caller} is not offered left out; a tool this catalog does not know stays out too. */
    ListToolsResult visibleTo(AgentIdentity caller, ListToolsResult all) {
        List<Tool> visible = all.tools().stream()
                .filter(tool -> audiences.containsKey(tool.name()) && audiences.get(tool.name()).includes(caller))
                .toList();
        return new ListToolsResult(visible, all.nextCursor(), all.meta());
    }
}
