package dev.autodev.web.live;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * With AUTH_TOKEN set, the WebSocket handshake needs it too. Browsers cannot set headers on a WebSocket, so the
 * token may come as {@code ?token=} as well as {@code Authorization: Bearer}.
 */
public final class LiveTokenCheck implements HandshakeInterceptor {

    private final byte[] expected;

    public LiveTokenCheck(String authToken) {
        this.expected = authToken == null || authToken.isBlank() ? null : authToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        if (expected == null || matches(given(request))) return true;
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {}

    private static String given(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) return header.substring(7).strip();
        String raw = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("token");
        return raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private boolean matches(String token) {
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), expected);
    }
}
