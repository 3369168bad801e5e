package dev.autodev.agents;

import java.nio.file.Path;

/**
 * How a run talks back to the orchestrator: its own secret token, the MCP endpoint, the REST base URL (for the lock
 * hook), the hook script, and a private folder for the config files that carry the token.
 *
 * @param sessionHook the script an interactive run's CLI calls when its turn ends or it starts one (idle detection)
 */
public record AgentConnection(String token, String mcpUrl, String apiUrl, Path lockHook, Path configDir, Path sessionHook) {}
