package dev.autodev.mcp;

import java.util.List;

/**
 * A feature's MCP tools. Features (locks, notes, questions, jobs) each provide a bean of this type; the MCP server
 * collects them all, so a feature adds tools without the server knowing about it.
 */
public interface McpToolProvider {

    List<McpTool> tools();
}
