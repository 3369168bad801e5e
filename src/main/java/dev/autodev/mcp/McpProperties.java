package dev.autodev.mcp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MCP endpoint agents call back into ({@code /mcp}).
 *
 * @param heartbeatInterval how often a tool call that is still running tells a streaming client it is alive (a
 *                          progress notification, or an SSE comment when the client gave no progress token).
 *                          Claude Code aborts a call after 5 minutes without a response or progress, so this must
 *                          stay well below that.
 */
@ConfigurationProperties("autodev.mcp")
public record McpProperties(Duration heartbeatInterval) {

    public McpProperties {
        if (heartbeatInterval == null || !heartbeatInterval.isPositive()) heartbeatInterval = Duration.ofSeconds(15);
    }
}
