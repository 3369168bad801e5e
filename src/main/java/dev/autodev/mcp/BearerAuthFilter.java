package dev.autodev.mcp;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.agents.RunTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Lets a request through to the MCP endpoint only with the bearer token of an active run, and records which run
 * that is. The token is looked up on every request rather than per session, so a run's token stops working the
 * moment the run ends, and an agent can only ever act as itself.
 */
class BearerAuthFilter extends HttpFilter {

    private static final String PREFIX = "Bearer ";

    private final RunTokens tokens;

    BearerAuthFilter(RunTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<AgentIdentity> caller = token(request).flatMap(tokens::resolve);
        if (caller.isEmpty()) {
            refuse(response);
            return;
        }
        Callers.attach(request, caller.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> token(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) return Optional.empty();
        return Optional.of(header.substring(PREFIX.length()).strip());
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"status":401,"error":"unauthorized","message":"missing bearer token, or not the token of an active run"}""");
    }
}
