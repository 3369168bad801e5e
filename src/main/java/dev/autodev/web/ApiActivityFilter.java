package dev.autodev.web;

import dev.autodev.common.ApiActivity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Counts the REST requests being answered ({@link ApiActivity}); the agents' MCP endpoint and the dashboard's files are not. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ApiActivityFilter extends OncePerRequestFilter {

    private final ApiActivity activity;

    ApiActivityFilter(ApiActivity activity) {
        this.activity = activity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        activity.requestStarted();
        try {
            chain.doFilter(request, response);
        } finally {
            activity.requestEnded();
        }
    }
}
