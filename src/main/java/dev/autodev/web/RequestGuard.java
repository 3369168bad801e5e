package dev.autodev.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two rules in front of the API. A web page from another origin must not drive the orchestrator (it launches
 * processes on this machine), so state-changing requests whose Origin is not the server's own are refused. And when
 * an AUTH_TOKEN is configured, API requests must carry it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SecurityProperties security;

    RequestGuard(SecurityProperties security) {
        this.security = security;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && isCrossOrigin(request)) {
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

    /** The health probe is open, and the lock hook's check authenticates with the run's own token instead. */
    private static boolean needsApiToken(String uri) {
        return uri.startsWith("/api/") && !uri.equals("/api/health") && !uri.equals("/api/locks/check");
    }

    private boolean isCrossOrigin(HttpServletRequest request) {
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) return true;
        String origin = request.getHeader("Origin");
        if (origin == null) return false; // curl and agents send none; browsers always do on writes
        if (security.allowedOrigins().contains(origin)) return false;
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return host == null || uri.getAuthority() == null || !uri.getAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
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
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }
}
