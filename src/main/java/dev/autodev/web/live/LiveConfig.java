package dev.autodev.web.live;

import dev.autodev.web.SecurityProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over a plain WebSocket at {@code /ws}; the server pushes to {@code /topic/live} through the simple broker.
 * Browsers only: no SockJS fallback. Which hosts and origins may open it is decided for every request in front of
 * the handlers (web's request guard, against the host allowlist), so Spring's own check, which compares Origin with
 * the Host header a rebinding page controls, is switched off here; the bearer token is checked when one is set.
 */
@Configuration
@EnableWebSocketMessageBroker
class LiveConfig implements WebSocketMessageBrokerConfigurer {

    static final String ENDPOINT = "/ws";
    static final String TOPIC = "/topic/live";

    private final SecurityProperties security;

    LiveConfig(SecurityProperties security) {
        this.security = security;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint(ENDPOINT)
                .setAllowedOriginPatterns("*")
                .addInterceptors(new LiveTokenCheck(security.authToken()));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic");
        registry.setApplicationDestinationPrefixes("/app");
    }

    /** Output frames of many agents can be large; a slow browser gets time instead of a closed session. */
    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setSendBufferSizeLimit(32 * 1024 * 1024).setSendTimeLimit(30_000).setMessageSizeLimit(64 * 1024);
    }
}
