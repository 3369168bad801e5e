package dev.autodev.web.terminal;

import dev.autodev.web.SecurityProperties;
import dev.autodev.web.live.LiveTokenCheck;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The browser terminal: a plain WebSocket per attached terminal at {@code /ws/terminal/{runId}?cols=&rows=}. Host and
 * Origin are checked for every request in front of the handlers (web's request guard), as for the live feed; with
 * AUTH_TOKEN set the handshake needs it too ({@code ?token=} or a bearer header).
 */
@Configuration
@EnableWebSocket
class TerminalConfig implements WebSocketConfigurer {

    static final String PATH = "/ws/terminal/*";

    private final TerminalSocket socket;
    private final SecurityProperties security;

    TerminalConfig(TerminalSocket socket, SecurityProperties security) {
        this.socket = socket;
        this.security = security;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, PATH).setAllowedOriginPatterns("*").addInterceptors(new LiveTokenCheck(security.authToken()));
    }
}
