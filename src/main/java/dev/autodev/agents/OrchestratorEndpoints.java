package dev.autodev.agents;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where agents reach the orchestrator. Agents run on this machine, so they always use loopback, whatever interface
 * the server listens on; the port is only known once the web server has started (it may be random in tests).
 */
@Component
public class OrchestratorEndpoints {

    private volatile int port = -1;

    @EventListener
    void on(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    public String apiUrl() {
        if (port < 0) throw new IllegalStateException("the web server has not started yet");
        return "http://127.0.0.1:" + port;
    }

    public String mcpUrl() {
        return apiUrl() + "/mcp";
    }
}
