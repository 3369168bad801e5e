package dev.autodev.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The rules in front of every request (REST, /mcp, the WebSocket handshake, static files), before any handler runs.
 * The orchestrator launches processes on this machine, so no web page the user happens to open may drive it or read
 * it: the Host must be one of ours (DNS rebinding), a browser's Origin must be one of ours, and a state-changing
 * request a browser marks cross-site is refused. When an AUTH_TOKEN is configured, API requests must carry it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SecurityProperties security;
    private final HostAllowlist allowlist;

    RequestGuard(SecurityProperties security, @Value("${server.address:}") String bindAddress) {
        this.security = security;
        this.allowlist = new HostAllowlist(bindAddress, security.allowedHosts(), security.allowedOrigins());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader("Host");
        if (host != null && !allowlist.allowsHost(host)) {
            refuse(response, 403, "host not allowed: this server answers only to " + String.join(", ", allowlist.hosts())
                    + " (add names with ALLOWED_HOSTS)");
            return;
        }
        if (isCrossOrigin(request)) {
            refuse(response, 403, "cross-origin request refused");
            return;
        }
        if (security.tokenRequired() && needsApiToken(request.getRequestURI()) && !hasToken(request)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            refuse(response, 401, "missing or wrong bearer token");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The health probes are open; the lock hook's check and the session hook authenticate with the run's own token
     * instead. The metrics describe the user's work, so a scraper sends the token like any API client.
     */
    private static boolean needsApiToken(String uri) {
        if (uri.startsWith("/actuator/")) return !uri.equals("/actuator/health");
        return uri.startsWith("/api/") && !uri.equals("/api/health") && !uri.equals("/api/locks/check")
                && !uri.equals("/api/interactive/hook");
    }

    /**
     * A foreign Origin is refused on any request: browsers send one on writes, on WebSocket handshakes and on
     * cross-origin fetches, and curl and agents send none. A cross-site write is refused even without an Origin.
     * Navigations (a link to the dashboard from another site) carry neither, and stay allowed.
     */
    private boolean isCrossOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !allowlist.allowsOrigin(origin)) return true;
        return !SAFE_METHODS.contains(request.getMethod()) && "cross-site".equals(request.getHeader("Sec-Fetch-Site"));
    }

    private boolean hasToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) return false;
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, security.authToken().getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        String code = status == 401 ? "unauthorized" : "forbidden";
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + code + "\",\"message\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
