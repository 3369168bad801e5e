package dev.autodev.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/** A filter for the REST API alone: the agents' MCP endpoint, the live WebSocket and the dashboard's files pass by. */
abstract class RestApiFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }
}
